package dev.shopstack.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/** Spans reach the collector that ZIPKIN_URL names (a stand-in for Zipkin's HTTP API); none is tried without it. */
class ZipkinExportTest {

    private HttpServer collector;
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/api/v2/spans", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aFinishedSpanIsPostedToTheNamedCollector() {
        String url = "http://127.0.0.1:" + collector.getAddress().getPort() + "/api/v2/spans";
        try (var app = TracingApp.run("ZIPKIN_URL=" + url)) {
            Span span = TracingApp.logInSpan(app, "exported");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(posted)
                            .anySatisfy(body -> assertThat(body)
                                    .contains("\"traceId\":\"" + span.context().traceId())
                                    .contains("\"name\":\"place-order\"")
                                    .contains("\"serviceName\":\"tracing-app\"")));
        }
    }

    @Test
    void withoutZipkinUrlNothingIsExported() {
        try (var app = TracingApp.run()) {
            assertThat(app.getBeanProvider(AsyncZipkinSpanHandler.class).getIfAvailable())
                    .isNull();
            assertThat(app.getEnvironment().getProperty("management.tracing.export.zipkin.enabled"))
                    .isEqualTo("false");
        }
    }
}
