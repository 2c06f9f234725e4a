package dev.shopstack.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway enforces on every request before it is routed.
 *
 * @param maxBodySize the largest request body for ordinary API calls
 * @param maxUploadSize the largest body on {@code uploadPaths} (the avatar)
 * @param uploadPaths path patterns that accept {@code maxUploadSize}
 * @param headers the security headers on every response
 * @param cors which browser origins may call the API
 * @param trustedProxies CIDRs of the proxies whose {@code X-Forwarded-For} is believed (the web front-end that
 *     forwards its browsers' addresses); empty: the client is always the TCP peer
 */
@ConfigurationProperties("shop.gateway")
public record EdgeProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("2560KB") DataSize maxUploadSize,
        @DefaultValue("/api/users/me/avatar") List<String> uploadPaths,
        @DefaultValue Headers headers,
        @DefaultValue Cors cors,
        @DefaultValue List<String> trustedProxies) {

    /**
     * @param contentSecurityPolicy for API responses: no content of any kind may load or frame them
     * @param referrerPolicy sent on every response
     * @param hsts whether to send Strict-Transport-Security on requests that arrived over TLS; enable only when
     *     the public name is always served over TLS (the gateway or the proxy in front of it terminates it)
     * @param hstsMaxAge the HSTS lifetime
     */
    public record Headers(
            @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
            String contentSecurityPolicy,

            @DefaultValue("no-referrer") String referrerPolicy,
            @DefaultValue("false") boolean hsts,
            @DefaultValue("365d") Duration hstsMaxAge) {}

    /**
     * @param allowedOrigins exact origins (scheme://host[:port]) of the storefront and admin UIs; empty: no
     *     cross-origin browser calls at all
     * @param allowCredentials whether browsers may send cookies; the API uses bearer tokens, so off by default
     */
    public record Cors(
            @DefaultValue List<String> allowedOrigins,

            @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
            List<String> allowedMethods,

            @DefaultValue({"Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Request-Id"})
            List<String> allowedHeaders,

            @DefaultValue({"X-Request-Id", "Retry-After", "Location", "ETag"})
            List<String> exposedHeaders,

            @DefaultValue("false") boolean allowCredentials,
            @DefaultValue("1h") Duration maxAge) {

        public Cors {
            if (allowCredentials && allowedOrigins.contains("*")) {
                throw new IllegalArgumentException(
                        "shop.gateway.cors: a wildcard origin together with credentials would let any site act as the user");
            }
        }
    }
}
