package dev.shopstack.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.CatalogStub.Mode;
import dev.shopstack.order.IntegrationTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class CatalogResilienceApiTest extends IntegrationTestSupport {

    static final UUID ALICE = UUID.randomUUID();

    @Test
    void aFailingCatalogIs503ProblemWithinSecondsAndNothingIsOrderedOrReserved() {
        CATALOG.mode(Mode.FAILING);

        long start = System.nanoTime();
        var response = post(ALICE, "down", body(BOOK, 1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response)
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).headers().hasValue("Retry-After", "5");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(CATALOG.reserveCalls()).as("retried with backoff").isEqualTo(3);
        assertThat(count("orders")).isZero();
        assertThat(count("idempotency_keys")).isZero();
        assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
        assertThat(CATALOG.holding()).isZero();
    }

    @Test
    void aCatalogThatReservesTooLateIs503AndTheLateReservationIsReleased() {
        CATALOG.mode(Mode.SLOW); // answers after 1.2 s; the client gives up after 0.5 s per attempt

        long start = System.nanoTime();
        var response = post(ALICE, "slow", body(BOOK, 2));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response)
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(count("orders")).isZero();

        CATALOG.mode(Mode.UP);
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
            assertThat(CATALOG.holding()).isZero();
            assertThat(count("stock_releases")).isZero();
        });
    }

    @Test
    void theBreakerOpensAfterFailuresFailsFastWithoutCallingAndClosesWhenTheCatalogIsBack() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("catalog");
        CATALOG.mode(Mode.FAILING);

        // 2 orders x 3 attempts fill the window of 6 calls with failures
        assertThat(post(ALICE, "f1", body(BOOK, 1))).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(post(ALICE, "f2", body(BOOK, 1))).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int callsSoFar = CATALOG.reserveCalls();
        long start = System.nanoTime();
        var open = post(ALICE, "f3", body(BOOK, 1));
        assertThat(open).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(CATALOG.reserveCalls()).as("an open breaker does not call").isEqualTo(callsSoFar);

        CATALOG.mode(Mode.UP);
        Thread.sleep(3_100); // wait-duration-in-open-state in the test profile: 3 s

        assertThat(post(ALICE, "ok1", body(BOOK, 1))).hasStatus(HttpStatus.CREATED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(post(ALICE, "ok2", body(BOOK, 1))).hasStatus(HttpStatus.CREATED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(CATALOG.stock(BOOK)).isEqualTo(8);
    }

    @Test
    void businessAnswersOfTheCatalogDoNotOpenTheBreaker() {
        for (int i = 0; i < 8; i++) {
            assertThat(post(ALICE, "none-" + i, body(BOOK, 11))).hasStatus(HttpStatus.CONFLICT);
        }

        assertThat(breakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(CATALOG.reserveCalls()).as("a 409 is not retried").isEqualTo(8);
    }
}
