package dev.shopstack.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Prometheus's HTTP API: instant queries and the alerts it evaluates. */
final class PrometheusApi {

    private final String base;

    PrometheusApi(String base) {
        this.base = base;
    }

    /** How many series (or 1 for a scalar) an instant query returns now. */
    int seriesCount(String promql) {
        JsonNode data = query(promql);
        return "scalar".equals(data.path("resultType").asString())
                ? 1
                : data.path("result").size();
    }

    /** The sum of an instant query's values now: 0 when it returns no series. */
    double sum(String promql) {
        double sum = 0;
        for (JsonNode series : query(promql).path("result")) {
            double value = Double.parseDouble(series.path("value").get(1).asString());
            sum += Double.isNaN(value) ? 0 : value;
        }
        return sum;
    }

    /** An instant query's {@code data}; fails on a query Prometheus rejects. */
    private JsonNode query(String promql) {
        var response = Http.get(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = Http.json(response);
        if (response.statusCode() != 200
                || !"success".equals(body.path("status").asString())) {
            throw new AssertionError("Prometheus rejected " + promql + ": " + response.body());
        }
        return body.path("data");
    }

    /** The alerts in a state ({@code pending}, {@code firing}), each as its labels. */
    List<Map<String, String>> alerts(String state) {
        List<Map<String, String>> alerts = new ArrayList<>();
        for (JsonNode alert :
                Http.json(Http.get(base + "/api/v1/alerts")).path("data").path("alerts")) {
            if (state.equals(alert.path("state").asString())) {
                Map<String, String> labels = new java.util.TreeMap<>();
                alert.path("labels")
                        .properties()
                        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
                alerts.add(labels);
            }
        }
        return alerts;
    }

    /** Whether an alert with these labels (and maybe others) fires. */
    boolean firing(String alertname, Map<String, String> labels) {
        return alerts("firing").stream()
                .anyMatch(alert -> alertname.equals(alert.get("alertname"))
                        && alert.entrySet().containsAll(labels.entrySet()));
    }

    void awaitFiring(String alertname, Map<String, String> labels, Duration timeout) {
        long started = System.nanoTime();
        await(alertname + " " + labels + " firing")
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> firing(alertname, labels));
        System.out.printf(
                "monitoring: %s %s firing after %d s%n",
                alertname, labels, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    void awaitResolved(String alertname, Map<String, String> labels, Duration timeout) {
        long started = System.nanoTime();
        await(alertname + " " + labels + " resolved")
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> !firing(alertname, labels));
        System.out.printf(
                "monitoring: %s %s resolved after %d s%n",
                alertname, labels, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
}
