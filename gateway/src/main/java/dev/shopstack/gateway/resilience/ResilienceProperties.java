package dev.shopstack.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker every service instance gets at the gateway (one per instance, per gateway replica). Request
 * timeouts are per route ({@code metadata.response-timeout} in the routes), not here.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the rate is judged at all
 * @param waitInOpenState how long an open circuit keeps its instance out of load balancing before trial calls
 * @param trialCallsWhenHalfOpen calls a half-open circuit lets through to judge whether its instance is back
 */
@ConfigurationProperties("shop.gateway.circuit-breaker")
public record ResilienceProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int trialCallsWhenHalfOpen) {}
