package dev.shopstack.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    /**
     * Defaults for every service's breaker. Client errors (4xx) are the caller's fault and are not recorded. "No
     * instance in discovery" is ignored: it fails fast by itself, and recording it (a gateway started before the
     * services, a service scaled from zero) opened the breaker just as the first instance arrived, so everyone got
     * 503 for another 10 s. The TimeLimiter is switched off in application.yml: each route's own response timeout
     * bounds the call.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties properties) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .recordException(error -> !(error instanceof ResponseStatusException rse
                        && rse.getStatusCode().is4xxClientError()))
                .ignoreExceptions(NotFoundException.class)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config).build());
    }
}
