package dev.shopstack.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, proxied or the gateway's own (404s and errors included), set at commit time so
 * they win over whatever a service sent. HSTS only on requests that came in over TLS, and only when enabled: sent
 * over plain HTTP, or on a host that is not always TLS, it would do harm rather than good.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class SecurityHeadersFilter implements WebFilter {

    /** Swagger UI is a page with its own scripts and styles; the API's policy would blank it. */
    static final String DOCS_PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final EdgeProperties.Headers config;

    public SecurityHeadersFilter(EdgeProperties properties) {
        this.config = properties.headers();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean secure = exchange.getRequest().getSslInfo() != null
                || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", config.referrerPolicy());
            headers.set(
                    "Content-Security-Policy",
                    isApiDocsPage(exchange) ? DOCS_PAGE_POLICY : config.contentSecurityPolicy());
            if (config.hsts() && secure) {
                headers.set(
                        "Strict-Transport-Security",
                        "max-age=" + config.hstsMaxAge().toSeconds() + "; includeSubDomains");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean isApiDocsPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }
}
