package dev.shopstack.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One INFO line per request on the {@code shopstack.gateway.access} logger, so it can be routed or silenced on its
 * own. It is written when the response commits: errors are answered by the exception handlers outside the filter
 * chain, and only then is the final status known. Latency is therefore time to the response headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogFilter implements WebFilter {

    /** Set by the security chain once the token is verified: the JWT subject. */
    public static final String USER_ATTRIBUTE = AccessLogFilter.class.getName() + ".user";

    private static final Logger access = LoggerFactory.getLogger("shopstack.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (access.isInfoEnabled()) {
            long start = System.nanoTime();
            exchange.getResponse().beforeCommit(() -> {
                var status = exchange.getResponse().getStatusCode();
                access.info(
                        "{} {} {} {}ms user={} requestId={}",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(),
                        status == null ? 200 : status.value(),
                        (System.nanoTime() - start) / 1_000_000,
                        exchange.getAttributeOrDefault(USER_ATTRIBUTE, "-"),
                        exchange.getAttributeOrDefault(RequestIdFilter.ATTRIBUTE, "-"));
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
