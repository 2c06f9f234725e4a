package dev.shopstack.e2e;

import dev.shopstack.local.LocalStack;
import dev.shopstack.local.Ports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API requests each instance of a service has answered, from its own {@code /actuator/prometheus} (a restart resets
 * it): how evenly the gateway's load balancer spreads the load over replicas.
 */
final class InstanceLoad {

    /** The services the soak's traffic reaches often enough for a share to mean something (logins are rare). */
    static final List<String> BALANCED = List.of(LocalStack.CATALOG_SERVICE, LocalStack.ORDER_SERVICE);

    private InstanceLoad() {}

    /** instance name -> API requests answered so far, for every instance of the balanced services. */
    static Map<String, Long> snapshot(LocalStack stack) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String module : BALANCED) {
            List<String> instances = stack.instances(module);
            for (int i = 0; i < instances.size(); i++) {
                int port = Ports.ofInstance(basePort(stack.ports(), module), i + 1);
                var scrape = Http.get("http://localhost:" + port + "/actuator/prometheus", "text/plain");
                counts.put(
                        instances.get(i),
                        scrape.body()
                                .lines()
                                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                                        && line.contains("uri=\"/api/"))
                                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                                .sum());
            }
        }
        return counts;
    }

    /** instance name -> its share (0..1) of its service's requests between two snapshots. */
    static Map<String, Double> shares(LocalStack stack, Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String module : BALANCED) {
            List<String> instances = stack.instances(module);
            long total = instances.stream()
                    .mapToLong(name -> after.get(name) - before.get(name))
                    .sum();
            instances.forEach(
                    name -> shares.put(name, total == 0 ? 0 : (after.get(name) - before.get(name)) / (double) total));
        }
        return shares;
    }

    private static int basePort(Ports ports, String module) {
        return switch (module) {
            case LocalStack.CATALOG_SERVICE -> ports.catalogService();
            case LocalStack.ORDER_SERVICE -> ports.orderService();
            default -> throw new IllegalArgumentException(module);
        };
    }
}
