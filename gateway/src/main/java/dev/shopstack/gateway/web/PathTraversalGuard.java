package dev.shopstack.gateway.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Routes match on path prefixes, and services may resolve {@code ..} or encoded separators differently from the
 * gateway. A raw path with dot segments, encoded dots/slashes/backslashes or a backslash could reach something
 * no route exposes (such as {@code /internal/**}), so it is refused before routing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after the request id, so a refusal carries it
public class PathTraversalGuard implements WebFilter {

    private static final Pattern SUSPICIOUS = Pattern.compile("(^|/)\\.\\.?(/|$)|%2e|%2f|%5c|\\\\|%00|;");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (rawPath != null && SUSPICIOUS.matcher(rawPath.toLowerCase(Locale.ROOT)).find()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The request path contains dot segments or encoded separators."));
        }
        return chain.filter(exchange);
    }
}
