package dev.shopstack.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service authenticates requests.
 *
 * @param publicPaths requests that need no token, as {@code "GET /api/products/**"} or {@code "/path/**"} (any method)
 * @param jwt where the token issuer's keys are and which issuer to trust
 * @param internalToken the shared service credential for {@code /internal/**} (header {@code X-Internal-Token});
 *     none means internal endpoints refuse every call
 */
@ConfigurationProperties("shop.security")
public record ShopSecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue Jwt jwt,
        String internalToken) {

    /**
     * @param jwkSetUri the issuer's JWKS; {@code lb://service-id/...} resolves the host through discovery
     * @param issuer the {@code iss} every accepted token must carry
     * @param jwksTtl how long the fetched key set is used before it is fetched again (a withdrawn key lasts this)
     * @param jwksRefetchCooldown at most one fetch per this much time for tokens naming an unknown key
     */
    public record Jwt(
            @DefaultValue("lb://user-service/.well-known/jwks.json")
            URI jwkSetUri,

            @DefaultValue("http://localhost:8080") String issuer,
            @DefaultValue("5m") Duration jwksTtl,
            @DefaultValue("30s") Duration jwksRefetchCooldown) {

        public boolean resolvedThroughDiscovery() {
            return "lb".equals(jwkSetUri.getScheme());
        }

        /** The JWKS URL with {@code lb://} turned into {@code http://}, for the load-balanced client. */
        public String httpJwkSetUri() {
            return resolvedThroughDiscovery() ? "http" + jwkSetUri.toString().substring(2) : jwkSetUri.toString();
        }
    }
}
