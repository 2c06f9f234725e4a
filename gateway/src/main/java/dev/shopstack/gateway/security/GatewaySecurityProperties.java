package dev.shopstack.gateway.security;

import java.net.URI;
import java.time.Duration;
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
     * @param verifiedCache how many verified tokens the gateway remembers, and for how long at most
     * @param jwksTtl how long the fetched key set is used before it is fetched again (a withdrawn key lasts this)
     * @param jwksRefetchCooldown at most one fetch per this much time for tokens naming an unknown key
     */
    public record Jwt(
            @DefaultValue("lb://user-service/.well-known/jwks.json")
            URI jwkSetUri,

            @DefaultValue("http://localhost:8080") String issuer,
            @DefaultValue VerifiedCache verifiedCache,
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

    /**
     * @param maxEntries tokens remembered at most (about 2 KB each); 0 turns the cache off
     * @param maxAge how long a verified token is trusted without checking its signature again (never past its
     *     {@code exp}): also how long a token signed by a key withdrawn from the JWKS can still pass
     */
    public record VerifiedCache(
            @DefaultValue("10000") long maxEntries,
            @DefaultValue("5m") Duration maxAge) {

        public VerifiedCache {
            if (maxEntries < 0 || maxAge.isNegative()) {
                throw new IllegalArgumentException("shop.security.jwt.verified-cache needs max-entries >= 0 and a "
                        + "max-age that is not negative");
            }
        }
    }
}
