package dev.shopstack.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.gateway.support.StubBackend;
import dev.shopstack.gateway.support.TestTokens;
import dev.shopstack.platform.test.Ports;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of a service behind the gateway, one of them down: its circuit opens alone, the load balancer skips
 * it, and the healthy instance keeps answering everything. With a breaker per service, the dead instance's refused
 * connections opened the one breaker and the healthy instance's calls got 503 too.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.loadbalancer.cache.enabled=false",
            "shop.gateway.circuit-breaker.wait-in-open-state=10s",
            "shop.rate-limit.api.requests=1000",
            "shop.rate-limit.api.period=1s",
            "shop.rate-limit.api.burst=1000",
            "shop.rate-limit.webhook.requests=1000",
            "shop.rate-limit.webhook.period=1s",
            "shop.rate-limit.webhook.burst=1000"
        })
class InstanceCircuitBreakerTest {

    static final String JWKS = new TestTokens().jwks();
    static final StubBackend healthyCatalog = new StubBackend(JWKS);
    static final StubBackend healthyOrders = new StubBackend(JWKS);
    static final int deadCatalogPort = Ports.unused();
    static final int deadOrdersPort = Ports.unused();
    static final List<StubBackend> revived = new ArrayList<>();
    /**
     * Open, or half open once the 10 s wait has run out during the loop: either way the circuit has opened. The wait
     * is long enough for the writes test's calls after the opening to run inside it on a busy machine (half open, the
     * dead instance gets trial calls again, each a 503), and short enough for the reads test to see it close.
     */
    static final List<CircuitBreaker.State> OPENED = List.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);

    @DynamicPropertySource
    static void twoInstancesEach(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "catalog-service[0].uri", healthyCatalog::url);
        registry.add(instances + "catalog-service[1].uri", () -> "http://127.0.0.1:" + deadCatalogPort);
        registry.add(instances + "order-service[0].uri", healthyOrders::url);
        registry.add(instances + "order-service[1].uri", () -> "http://127.0.0.1:" + deadOrdersPort);
    }

    @AfterAll
    static void stopBackends() {
        healthyCatalog.close();
        healthyOrders.close();
        revived.forEach(StubBackend::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    @Test
    void readsNeverFailWhileOneInstanceIsDownAndTheInstanceIsUsedAgainOnceItIsBack() {
        for (int i = 0; i < 40; i++) { // a refused read is retried on the next instance
            client().get().uri("/api/products").exchange().expectStatus().isOk();
        }
        assertThat(state("catalog-service", deadCatalogPort)).isIn(OPENED);
        assertThat(state("catalog-service", port(healthyCatalog))).isEqualTo(CircuitBreaker.State.CLOSED);

        StubBackend back = new StubBackend(JWKS, deadCatalogPort);
        revived.add(back);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            client().get().uri("/api/products").exchange().expectStatus().isOk();
            assertThat(state("catalog-service", deadCatalogPort)).isEqualTo(CircuitBreaker.State.CLOSED);
        });
        int before = back.served();
        for (int i = 0; i < 20; i++) {
            client().get().uri("/api/products").exchange().expectStatus().isOk();
        }
        assertThat(back.served() - before)
                .as("reads the returned instance served of 20")
                .isBetween(6, 14);
    }

    @Test
    void writesFailOnlyUntilTheDeadInstancesCircuitOpensThenAllReachTheHealthyOne() {
        int unavailable = 0;
        for (int i = 0; i < 30; i++) { // writes are not retried by the gateway: each call to the dead one is a 503
            int status = client().post()
                    .uri("/api/payments/webhook")
                    .bodyValue("{}")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            assertThat(status).isIn(200, 503);
            unavailable += status == 503 ? 1 : 0;
        }
        assertThat(state("order-service", deadOrdersPort)).isIn(OPENED);
        assertThat(unavailable).as("503s before the circuit opened").isBetween(1, 10);
        for (int i = 0; i < 20; i++) {
            client().post()
                    .uri("/api/payments/webhook")
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private CircuitBreaker.State state(String service, int instancePort) {
        CircuitBreakerRegistry registry = breakers.getCircuitBreakerRegistry();
        return registry.find(service + "@127.0.0.1:" + instancePort)
                .map(CircuitBreaker::getState)
                .orElseThrow();
    }

    private static int port(StubBackend backend) {
        return Integer.parseInt(backend.url().substring(backend.url().lastIndexOf(':') + 1));
    }
}
