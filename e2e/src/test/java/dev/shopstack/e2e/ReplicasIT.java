package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shopstack.local.LocalStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replica mode ({@code -Dshop.e2e.replicas=2}): every instance is registered with both discovery peers, and a
 * rolling restart of order-service (each instance out of service in discovery, drained, stopped with SIGTERM,
 * started and awaited before the next) under a steady stream of orders (each a new one with its own
 * Idempotency-Key, cancelled right away) and logins fails none of them: the instances share their database through
 * the stack's H2 server, which no stopping instance takes down with it.
 */
class ReplicasIT extends StackTestSupport {

    @Test
    void everyInstanceIsRegisteredWithBothDiscoveryPeers() {
        assumeTrue(stack.replicas() > 1, "replica mode only (-Dshop.e2e.replicas=2)");
        // an instance (re)started a moment ago is UP at the other peer after the next replication
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    for (int port :
                            List.of(stack.ports().discovery(), stack.ports().discoveryPeer())) {
                        Map<String, Integer> instances = registeredInstances("http://localhost:" + port);
                        for (String app : List.of(
                                "GATEWAY",
                                "USER-SERVICE",
                                "CATALOG-SERVICE",
                                "ORDER-SERVICE",
                                "NOTIFICATION-SERVICE")) {
                            assertThat(instances)
                                    .as("%s on the peer at %d", app, port)
                                    .containsEntry(app, stack.replicas());
                        }
                    }
                });
        assertThat(stack.instances(LocalStack.ORDER_SERVICE))
                .hasSize(stack.replicas())
                .contains("order-service", "order-service-2");
    }

    @Test
    void aRollingRestartOfOrderServiceUnderLoadAnswersEveryRequestWith2xx() throws Exception {
        assumeTrue(stack.replicas() > 1, "replica mode only (-Dshop.e2e.replicas=2)");
        long product = gateway.newProduct(gateway.adminToken(), 100_000, "1.00");
        String name = "rolling" + UUID.randomUUID().toString().substring(0, 8);
        String customer = gateway.verifiedCustomer(name, mail);
        List<Long> pidsBefore = stack.instances(LocalStack.ORDER_SERVICE).stream()
                .map(stack::pid)
                .toList();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Thread load = new Thread(
                () -> {
                    while (running.get()) {
                        String status;
                        try {
                            // a new order each time, cancelled right away, so the customer stays under the unpaid cap
                            var placed = gateway.placeOrder(product, 1, customer);
                            int cancelled = placed.statusCode() != 201
                                    ? 0
                                    : gateway.send(
                                                    "POST",
                                                    "/api/orders/"
                                                            + Http.json(placed)
                                                                    .path("id")
                                                                    .asString() + "/cancel",
                                                    null,
                                                    customer)
                                            .statusCode();
                            int login = gateway.post("/api/auth/login", """
                            {"login":"%s","password":"%s"}""".formatted(name, Gateway.PASSWORD), null)
                                    .statusCode();
                            status = placed.statusCode() == 201 && cancelled / 100 == 2 && login == 200
                                    ? null
                                    : "order " + placed.statusCode() + ", cancel " + cancelled + ", login " + login;
                        } catch (RuntimeException e) {
                            status = e.getClass().getSimpleName();
                        }
                        sent.addAndGet(3);
                        if (status != null) {
                            failures.merge(status, 1, Integer::sum);
                        }
                    }
                },
                "steady-load");
        load.start();
        try {
            stack.rollingRestart(LocalStack.ORDER_SERVICE);
        } finally {
            running.set(false);
            load.join();
        }
        System.out.printf(
                "rolling restart of order-service under load: %d requests, failures %s, unplanned restarts " + "%d%n",
                sent.get(),
                failures,
                stack.instances(LocalStack.ORDER_SERVICE).stream()
                        .mapToInt(stack::restarts)
                        .sum());
        assertThat(stack.instances(LocalStack.ORDER_SERVICE))
                .allMatch(instance -> !pidsBefore.contains(stack.pid(instance)));
        assertThat(sent.get()).isPositive();
        assertThat(failures).as("non-2xx answers during the rolling restart").isEmpty();
    }

    private static Map<String, Integer> registeredInstances(String discovery) {
        JsonNode apps = Http.json(Http.send(HttpRequest.newBuilder(URI.create(discovery + "/eureka/apps"))
                .header("Accept", "application/json")
                .header("Authorization", stack.discoveryAuthorization())
                .GET()));
        Map<String, Integer> instances = new ConcurrentHashMap<>();
        for (JsonNode app : apps.path("applications").path("application")) {
            int up = 0;
            for (JsonNode instance : app.path("instance")) {
                up += "UP".equals(instance.path("status").asString()) ? 1 : 0;
            }
            instances.put(app.path("name").asString(), up);
        }
        return instances;
    }
}
