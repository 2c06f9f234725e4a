package dev.shopstack.gateway.ratelimit;

import dev.shopstack.gateway.error.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's {@code RequestRateLimiter} refuses with a bare, empty 429. This gives that refusal the same
 * problem+json body as every other gateway error (its {@code Retry-After} is already set by the limiter). Only an
 * empty completion with 429 is touched: a service's own 429 arrives with its body through {@code writeWith}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TooManyRequestsProblemFilter implements WebFilter {

    private final ProblemResponses problems;

    TooManyRequestsProblemFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    return problems.write(
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests. Try again after the time in the Retry-After header.");
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}
