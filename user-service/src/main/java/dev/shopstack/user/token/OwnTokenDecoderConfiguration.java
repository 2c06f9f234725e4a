package dev.shopstack.user.token;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.shopstack.platform.tokens.AccessTokenValidators;
import dev.shopstack.platform.tokens.RevocationList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The issuer checks its own tokens with the keys it already holds, instead of fetching its own JWKS over HTTP, and
 * by the same rules as every other service (ADR 0008): audience, {@code at+jwt}, a session that is not revoked.
 */
@Configuration(proxyBeanMethods = false)
class OwnTokenDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SigningKeyProperties properties, RevocationList revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(
                        new ImmutableJWKSet<SecurityContext>(keys.publicKeys()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(properties.issuer(), revocations));
        return decoder;
    }
}
