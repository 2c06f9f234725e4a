package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboards and the alert rules query (deploy/grafana/metrics-used.txt) is really
 * exported by the running platform. Runs last, after the journeys have produced traffic and emails.
 */
@Order(Integer.MAX_VALUE)
class MetricsIT extends StackTestSupport {

    @Test
    void dashboardsAndAlertsOnlyQueryMetricsTheServicesExport() throws Exception {
        Path root =
                Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
        // "<metric> <source>": only metrics of the processes scraped here; sources with a colon (Kubernetes, the
        // black-box probe, recording rules) have no series in a local run
        Set<String> scraped = Set.of(
                "services",
                "discovery",
                "gateway",
                "user-service",
                "catalog-service",
                "order-service",
                "notification-service");
        List<String> used = Files.readAllLines(root.resolve("deploy/grafana/metrics-used.txt")).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+"))
                .filter(cols -> Arrays.stream(cols[1].split(",")).anyMatch(scraped::contains))
                .map(cols -> cols[0])
                .toList();

        var ports = stack.ports();
        Set<String> exported = new HashSet<>();
        for (int port : List.of(
                ports.gatewayManagement(),
                ports.userService(),
                ports.catalogService(),
                ports.orderService(),
                ports.notificationService(),
                ports.discovery())) {
            var scrape = Http.get("http://localhost:" + port + "/actuator/prometheus", "text/plain");
            assertThat(scrape.statusCode()).isEqualTo(200);
            scrape.body()
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        System.out.printf(
                "metrics: %d names queried by dashboards and alerts, %d exported%n", used.size(), exported.size());
        assertThat(exported).containsAll(used);
    }
}
