package dev.shopstack.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A half-open circuit whose trial calls never report back (requests cancelled by their clients) must not refuse
 * everyone for ever: Resilience4j keeps such a circuit half-open until the trials end, unless it has a limit.
 */
class HalfOpenBreakerTest {

    private final ResilienceProperties properties = new ResilienceProperties(50, 20, 10, Duration.ofMillis(100),
            Duration.ofMillis(300));

    @Test
    void trialCallsThatNeverReportBackDoNotKeepTheCircuitHalfOpen() {
        CircuitBreaker breaker = CircuitBreaker.of("order-service", ResilienceConfiguration.breakerConfig(properties));
        breaker.transitionToOpenState();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(breaker::tryAcquirePermission);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

        // every trial permit is taken and none is given back
        while (breaker.tryAcquirePermission()) {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        }

        // after the half-open limit the circuit opens again, and after the open wait new trial calls go through
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(breaker::tryAcquirePermission);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void withoutTheLimitTheSameCircuitStaysShut() {
        CircuitBreaker breaker = CircuitBreaker.of("order-service", ResilienceConfiguration.breakerConfig(
                new ResilienceProperties(50, 20, 10, Duration.ofMillis(100), Duration.ZERO)));
        breaker.transitionToOpenState();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(breaker::tryAcquirePermission);
        while (breaker.tryAcquirePermission()) {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        }

        Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> !breaker.tryAcquirePermission());
    }
}
