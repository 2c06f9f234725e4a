package dev.shopstack.gateway.resilience;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j circuit breaker per service instance around every proxied call. One dead replica opens its own
 * circuit only: the load balancer then skips it ({@link InstancesWithClosedCircuits}) and its healthy peers keep
 * serving. A breaker per service instead refused the healthy replica's calls too while one replica was down.
 * <p>
 * It runs right after load balancing, so it knows the chosen instance; "no instance" never reaches it. A service's
 * own error responses complete normally and are not counted; refused connections and timeouts are.
 */
@Component
class InstanceCircuitBreakerFilter implements GlobalFilter, Ordered {

    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    InstanceCircuitBreakerFilter(ReactiveCircuitBreakerFactory<?, ?> breakers) {
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        Response<ServiceInstance> chosen =
                exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        String service = UpstreamFailureFilter.serviceOf(route);
        String name = chosen != null && chosen.hasServer()
                ? breakerName(service, chosen.getServer())
                : service; // a fixed URL: one breaker for the route's one target
        return breakers.create(name).run(chain.filter(exchange), Mono::error);
    }

    /** {@code catalog-service@10.0.3.7:8082}: the breaker's name, also its {@code name} tag in the metrics. */
    static String breakerName(String serviceId, ServiceInstance instance) {
        return serviceId + "@" + instance.getHost() + ":" + instance.getPort();
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }
}
