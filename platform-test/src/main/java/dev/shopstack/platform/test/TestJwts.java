package dev.shopstack.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Real RS256 tokens shaped like user-service's, signed by a key that only the tests know. */
public final class TestJwts {

    public static final String ISSUER = "http://localhost:8080";
    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey FOREIGN_KEY = generate("test-key");

    private TestJwts() {
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decoder that validates signature, expiry and issuer exactly as the services do in production. */
    public static JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String customer(String userId) {
        return token(userId, List.of("CUSTOMER"), ISSUER, Instant.now(), KEY);
    }

    public static String admin(String userId) {
        return token(userId, List.of("ADMIN"), ISSUER, Instant.now(), KEY);
    }

    public static String expired(String userId) {
        return token(userId, List.of("CUSTOMER"), ISSUER, Instant.now().minus(Duration.ofHours(1)), KEY);
    }

    public static String fromOtherIssuer(String userId) {
        return token(userId, List.of("ADMIN"), "https://evil.example", Instant.now(), KEY);
    }

    /** Same kid, same claims, signed by a key the services do not trust. */
    public static String forged(String userId) {
        return token(userId, List.of("ADMIN"), ISSUER, Instant.now(), FOREIGN_KEY);
    }

    private static String token(String subject, List<String> roles, String issuer, Instant issuedAt, RSAKey key) {
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .claim("email", subject + "@example.test")
                .claim("roles", roles)
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofMinutes(15)))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
