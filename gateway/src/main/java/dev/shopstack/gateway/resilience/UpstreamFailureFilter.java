package dev.shopstack.gateway.resilience;

import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a failed proxied call into an answer that names the service: 503 when it cannot be reached (no instance,
 * connection refused, every instance's circuit open), 504 when it did not answer within the route's timeout. A
 * service's own error responses pass through untouched.
 * <p>
 * It runs after the route filters and before load balancing, so "no instance" is answered here too, and the route's
 * Retry filter sees the mapped error with its cause (a refused connection or an open circuit is retried on the next
 * instance for idempotent reads).
 */
@Component
class UpstreamFailureFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = serviceOf(route);
        return chain.filter(exchange).onErrorMap(error -> answerFor(service, error));
    }

    /** {@code lb://user-service} names the service; a fixed URL is named by its route. */
    static String serviceOf(Route route) {
        return "lb".equals(route.getUri().getScheme()) ? route.getUri().getHost() : route.getId();
    }

    private static Throwable answerFor(String service, Throwable error) {
        if (error instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError()) {
            return error; // the request's own fault (e.g. body too large while streaming), not the service's
        }
        if (error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504
                || causedBy(error, TimeoutException.class)) {
            return new ResponseStatusException(
                    HttpStatus.GATEWAY_TIMEOUT,
                    "The " + service + " service did not answer in time. Try again shortly.",
                    error);
        }
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is unavailable. Try again shortly.",
                error);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return 1000; // after route filters (ordered 1..n), before RouteToRequestUrlFilter (10000) and load balancing
    }
}
