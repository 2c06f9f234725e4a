package dev.shopstack.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request gets an {@code X-Request-Id}: the client's own if it is a short, harmless token (it ends up in logs
 * and headers, so nothing that could inject), a new UUID otherwise. It is forwarded to the services, echoed in the
 * response and kept as an exchange attribute, which the error handler and the access log read (the attribute map is
 * shared by every mutated copy of the exchange, the request headers are not).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        var request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(HEADER, id))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
