package dev.shopstack.gateway.resilience;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Each service's load-balancer context (registered by {@link ResilienceConfiguration}): Spring Cloud's default
 * instance list (discovery, cached), minus the instances whose circuit is open. Deliberately not a
 * {@code @Configuration}: it belongs to the per-service child contexts, not to the gateway's own.
 */
class InstanceLoadBalancing {

    @Bean
    ServiceInstanceListSupplier instancesWithClosedCircuits(
            ConfigurableApplicationContext context, ReactiveResilience4JCircuitBreakerFactory breakers) {
        ServiceInstanceListSupplier discovered = ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .build(context);
        return new InstancesWithClosedCircuits(discovered, breakers.getCircuitBreakerRegistry());
    }
}
