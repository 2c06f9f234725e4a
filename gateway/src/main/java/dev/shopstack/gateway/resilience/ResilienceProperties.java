package dev.shopstack.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker every service gets at the gateway (one per service). Request timeouts are per route
 * ({@code metadata.response-timeout} in the routes), not here.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the rate is judged at all
 * @param waitInOpenState how long an open circuit answers 503 at once before letting trial calls through
 */
@ConfigurationProperties("shop.gateway.circuit-breaker")
public record ResilienceProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitInOpenState) {
}
