package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static Part part(String name, String module, int instance, String url) {
        var process = new ManagedProcess(name, List::of, Map.of(), Path.of("/repo/.local/logs", name + ".log"));
        return new Part(name, module, instance, process, () -> true, url, List.of(), null, new Part.State());
    }

    @Test
    void theWebFrontComesFirstAndEveryInstanceIsListedWithItsRestarts() {
        StackSettings settings = StackSettingsTest.settings(Map.of()).withReplicas(2);
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Part part : List.of(
                part("discovery", "discovery", 1, "http://localhost:8761"),
                part("discovery-2", "discovery", 2, "http://localhost:8762"),
                part("order-service", "order-service", 1, "http://localhost:8083"),
                part("order-service-2", "order-service", 2, "http://localhost:8183"),
                part("web", "web", 1, "http://localhost:8088"),
                part("zipkin", "zipkin", 1, "http://localhost:9411"))) {
            parts.put(part.name(), part);
        }

        String text = Summary.describe(
                settings,
                parts,
                part -> part.name().equals("order-service-2") ? 2 : 0,
                Duration.ofMillis(61_500),
                List.of("Prometheus is not installed"));

        assertThat(text).contains("Shopstack is up in 61.5 s.");
        assertThat(text.indexOf("Web shop")).isLessThan(text.indexOf("Gateway (the API)"));
        assertThat(text)
                .contains("http://localhost:8761  (user eureka, password local-eureka-password)")
                .contains("http://localhost:8762  (user eureka")
                .contains("Traces (Zipkin)                    http://localhost:9411")
                .doesNotContain("Prometheus (alerts")
                .contains("Prometheus is not installed")
                .containsPattern("process +url +RSS MB +restarts +log")
                .containsPattern("order-service-2 +http://localhost:8183 +\\? +2  \\.local/logs/order-service-2\\.log")
                .containsPattern("order-service +http://localhost:8083 +\\? +0 ");
    }
}
