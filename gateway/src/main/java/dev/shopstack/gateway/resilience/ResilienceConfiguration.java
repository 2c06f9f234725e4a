package dev.shopstack.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceLoadBalancing.class)
class ResilienceConfiguration {

    /**
     * Defaults for every instance's breaker. Client errors (4xx) are the caller's fault and are not recorded. An open
     * circuit turns half-open on its own after its wait: the load balancer no longer sends it calls, so no call would
     * otherwise ask for that transition. The TimeLimiter is switched off in application.yml: each route's own response
     * timeout bounds the call.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties properties) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(properties.trialCallsWhenHalfOpen())
                .recordException(error -> !(error instanceof ResponseStatusException rse
                        && rse.getStatusCode().is4xxClientError()))
                .build();
        return factory -> factory.configureDefault(id ->
                new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
    }
}
