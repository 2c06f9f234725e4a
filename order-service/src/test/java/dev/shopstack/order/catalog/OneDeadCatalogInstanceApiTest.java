package dev.shopstack.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.platform.test.Ports;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.http.HttpStatus;

/**
 * Two catalog-service instances in discovery, one of them down (a replica killed, not yet dropped by discovery):
 * its refused connections are retried on the healthy one and do not open the breaker, so every order goes through.
 * With refused connections counted, half the calls failed and the breaker opened for both instances.
 */
class OneDeadCatalogInstanceApiTest extends IntegrationTestSupport {

    @Autowired
    SimpleDiscoveryProperties discovery;

    private final InstanceProperties dead = new InstanceProperties();

    /** Added to the shared context's discovery (not a context of its own: that would start a second broker). */
    @BeforeEach
    void aSecondInstanceThatIsDown() {
        dead.setServiceId("catalog-service");
        dead.setUri(URI.create("http://127.0.0.1:" + Ports.unused()));
        instances().add(dead);
    }

    @AfterEach
    void withoutIt() {
        instances().remove(dead);
    }

    private List<InstanceProperties> instances() {
        return discovery.getInstances().get("catalog-service");
    }

    @Test
    void everyOrderIsPlacedOnceAndTheBreakerStaysClosed() {
        for (int i = 0; i < 10; i++) {
            assertThat(post(UUID.randomUUID(), "dead-replica-" + i, body(BOOK, 1)))
                    .hasStatus(HttpStatus.CREATED);
        }

        assertThat(instances()).hasSize(2);
        assertThat(breakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(CATALOG.reserveCalls())
                .as("reservations the healthy instance received")
                .isEqualTo(10);
        assertThat(CATALOG.stock(BOOK)).isZero();
        assertThat(count("orders")).isEqualTo(10);
    }
}
