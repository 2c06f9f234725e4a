package dev.shopstack.gateway.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which tokens the gateway accepts. Same property names as the services' platform starter, so one
 * {@code SHOP_JWT_ISSUER} configures the whole platform.
 *
 * @param jwt where the token issuer's keys are and which issuer to trust
 */
@ConfigurationProperties("shop.security")
public record GatewaySecurityProperties(@DefaultValue Jwt jwt) {

    /**
     * @param jwkSetUri the issuer's JWKS; {@code lb://service-id/...} resolves the host through discovery
     * @param issuer the {@code iss} every accepted token must carry
     */
    public record Jwt(
            @DefaultValue("lb://user-service/.well-known/jwks.json") URI jwkSetUri,
            @DefaultValue("http://localhost:8080") String issuer) {

        public boolean resolvedThroughDiscovery() {
            return "lb".equals(jwkSetUri.getScheme());
        }

        /** The JWKS URL with {@code lb://} turned into {@code http://}, for the load-balanced client. */
        public String httpJwkSetUri() {
            return resolvedThroughDiscovery() ? "http" + jwkSetUri.toString().substring(2) : jwkSetUri.toString();
        }
    }
}
