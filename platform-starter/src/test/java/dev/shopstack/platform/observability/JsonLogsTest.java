package dev.shopstack.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one switch for log shippers: LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs makes each line JSON with the trace. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    private final Properties systemProperties = new Properties();

    // Spring Boot hands the log format to Logback through system properties, which outlive the application
    @BeforeEach
    void rememberSystemProperties() {
        systemProperties.putAll(System.getProperties());
    }

    @AfterEach
    void restoreSystemProperties() {
        System.setProperties(systemProperties);
    }

    @Test
    void withTheSwitchEveryLineIsJsonWithTheTraceAndSpanIds(CapturedOutput output) {
        Span span;
        try (var app = TracingApp.run("logging.structured.format.console=ecs")) {
            span = TracingApp.logInSpan(app, "order 42 placed");
        }
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("order 42 placed"))
                .findFirst()
                .orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).as(line).isEqualTo("order 42 placed");
        assertThat(json.path("traceId").asString())
                .as(line)
                .isEqualTo(span.context().traceId());
        assertThat(json.path("spanId").asString())
                .as(line)
                .isEqualTo(span.context().spanId());
        assertThat(json.path("service").path("name").asString()).as(line).isEqualTo("tracing-app");
    }

    @Test
    void withoutItLinesStayPlainTextWithTheIdsInBrackets(CapturedOutput output) {
        Span span;
        try (var app = TracingApp.run()) {
            span = TracingApp.logInSpan(app, "order 43 placed");
        }
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("order 43 placed"))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .doesNotStartWith("{")
                .contains("[tracing-app," + span.context().traceId() + ","
                        + span.context().spanId() + "]");
    }
}
