package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the Grafana dashboards and the alert rules query (deploy/grafana/metrics-used.txt) is really
 * exported by the running platform. Runs last, after the journeys have produced traffic and emails.
 */
@ExtendWith(StackExtension.class)
@Order(Integer.MAX_VALUE)
class MetricsIT {

    @Test
    void dashboardsAndAlertsOnlyQueryMetricsTheServicesExport(LocalStack stack) throws Exception {
        Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
        List<String> used = Files.readAllLines(root.resolve("deploy/grafana/metrics-used.txt")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        var ports = stack.ports();
        Set<String> exported = new HashSet<>();
        for (int port : List.of(ports.gatewayManagement(), ports.userService(), ports.catalogService(),
                ports.orderService(), ports.notificationService(), ports.discovery())) {
            var scrape = Http.get("http://localhost:" + port + "/actuator/prometheus", "text/plain");
            assertThat(scrape.statusCode()).isEqualTo(200);
            scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        System.out.printf("metrics: %d names queried by dashboards and alerts, %d exported%n", used.size(),
                exported.size());
        assertThat(exported).containsAll(used);
    }
}
