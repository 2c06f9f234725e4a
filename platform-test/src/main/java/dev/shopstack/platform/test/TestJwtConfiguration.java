package dev.shopstack.platform.test;

import dev.shopstack.platform.tokens.RevocationList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Import into a service test to trust {@link TestJwts} tokens instead of fetching user-service's JWKS. Every other
 * rule is the production one, the service's own revocation list included.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwtConfiguration {

    @Bean
    JwtDecoder jwtDecoder(RevocationList revocations) {
        return TestJwts.decoder(revocations);
    }
}
