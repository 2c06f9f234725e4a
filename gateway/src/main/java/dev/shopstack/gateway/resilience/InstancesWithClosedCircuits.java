package dev.shopstack.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances the load balancer may choose: those whose circuit is not open. If every circuit is open, all
 * instances are offered, and the open breaker answers 503 at once. An open circuit turns half-open by itself after
 * its wait (automatic transition), which brings the instance back for a few trial calls.
 * <p>
 * Breakers of instances that left discovery are removed, so a gateway that lives through many rollouts (new pod
 * addresses each time) does not keep a breaker and its meters for every address it ever saw.
 */
class InstancesWithClosedCircuits extends DelegatingServiceInstanceListSupplier {

    private final CircuitBreakerRegistry registry;
    private volatile List<ServiceInstance> lastSeen = List.of();

    InstancesWithClosedCircuits(ServiceInstanceListSupplier delegate, CircuitBreakerRegistry registry) {
        super(delegate);
        this.registry = registry;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get().map(this::withClosedCircuits);
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        return delegate.get(request).map(this::withClosedCircuits);
    }

    private List<ServiceInstance> withClosedCircuits(List<ServiceInstance> instances) {
        if (instances != lastSeen) {
            lastSeen = instances;
            forgetDeparted(instances);
        }
        List<ServiceInstance> available =
                instances.stream().filter(this::notOpen).toList();
        return available.isEmpty() ? instances : available;
    }

    private boolean notOpen(ServiceInstance instance) {
        return registry.find(InstanceCircuitBreakerFilter.breakerName(getServiceId(), instance))
                .map(breaker -> breaker.getState() != CircuitBreaker.State.OPEN
                        && breaker.getState() != CircuitBreaker.State.FORCED_OPEN)
                .orElse(true);
    }

    private void forgetDeparted(List<ServiceInstance> instances) {
        String prefix = getServiceId() + "@";
        Set<String> current = instances.stream()
                .map(instance -> InstanceCircuitBreakerFilter.breakerName(getServiceId(), instance))
                .collect(Collectors.toSet());
        registry.getAllCircuitBreakers().stream()
                .map(CircuitBreaker::getName)
                .filter(name -> name.startsWith(prefix) && !current.contains(name))
                .forEach(registry::remove);
    }
}
