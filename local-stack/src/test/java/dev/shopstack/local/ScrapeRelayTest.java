package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against an in-process HTTP server that answers like an actuator Prometheus endpoint. */
class ScrapeRelayTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer service;
    private ScrapeRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    private String startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/actuator/prometheus", exchange -> {
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            byte[] body = ("accept=" + accept + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain;version=0.0.4;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        return "127.0.0.1:" + service.getAddress().getPort();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKnownTargetIsAskedForTheClassicTextFormat() throws Exception {
        String target = startService();
        relay = new ScrapeRelay("127.0.0.1", Set.of(target));

        // as Prometheus sends it: the parameter URL-encoded
        HttpResponse<String> response = get("/actuator/prometheus?target=" + target.replace(":", "%3A"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("accept=text/plain;version=0.0.4\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;version=0.0.4;charset=utf-8");
    }

    @Test
    void anyOtherTargetOrPathIsRefusedWithoutAnyRequestBeingMade() throws Exception {
        String target = startService();
        relay = new ScrapeRelay("127.0.0.1", Set.of(target));

        assertThat(get("/actuator/prometheus?target=127.0.0.1:1").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus?target=169.254.169.254:80").statusCode())
                .isEqualTo(404);
        assertThat(get("/../etc?target=" + target).statusCode()).isEqualTo(404);
    }
}
