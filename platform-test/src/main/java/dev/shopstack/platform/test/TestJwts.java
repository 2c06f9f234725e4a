package dev.shopstack.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.shopstack.platform.tokens.AccessTokenValidators;
import dev.shopstack.platform.tokens.AccessTokens;
import dev.shopstack.platform.tokens.RevocationList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real RS256 access tokens shaped like user-service's (ADR 0008: {@code typ: at+jwt}, {@code aud}, {@code sid}),
 * signed by a key that only the tests know, and the ways a token can be wrong.
 */
public final class TestJwts {

    public static final String ISSUER = "http://localhost:8080";
    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey FOREIGN_KEY = generate("test-key");

    private TestJwts() {}

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decoder that checks signature and every rule of the platform, against this revocation list. */
    public static JwtDecoder decoder(RevocationList revocations) {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(AccessTokenValidators.create(ISSUER, revocations));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decoder that knows of no revoked session. */
    public static JwtDecoder decoder() {
        return decoder(new RevocationList(Clock.systemUTC()));
    }

    public static String customer(String userId) {
        return customer(userId, UUID.randomUUID().toString());
    }

    /** A customer's token of the given session ({@code sid}), to revoke it. */
    public static String customer(String userId, String sessionId) {
        return token(userId, List.of("CUSTOMER"), sessionId, claims -> {}, header -> {}, KEY);
    }

    public static String admin(String userId) {
        return token(userId, List.of("ADMIN"), UUID.randomUUID().toString(), claims -> {}, header -> {}, KEY);
    }

    public static String expired(String userId) {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        return token(
                userId,
                List.of("CUSTOMER"),
                UUID.randomUUID().toString(),
                claims -> claims.issuedAt(hourAgo).expiresAt(hourAgo.plus(Duration.ofMinutes(15))),
                header -> {},
                KEY);
    }

    public static String fromOtherIssuer(String userId) {
        return token(
                userId,
                List.of("ADMIN"),
                UUID.randomUUID().toString(),
                claims -> claims.issuer("https://evil.example"),
                header -> {},
                KEY);
    }

    /** Same kid, same claims, signed by a key the services do not trust. */
    public static String forged(String userId) {
        return token(userId, List.of("ADMIN"), UUID.randomUUID().toString(), claims -> {}, header -> {}, FOREIGN_KEY);
    }

    /** Meant for another API: a valid signature, the audience of someone else. */
    public static String wrongAudience(String userId) {
        return token(
                userId,
                List.of("CUSTOMER"),
                UUID.randomUUID().toString(),
                claims -> claims.audience(List.of("another-api")),
                header -> {},
                KEY);
    }

    /** Not an access token: {@code typ: JWT}, as an ID token or any other token signed by the same key. */
    public static String wrongType(String userId) {
        return token(
                userId,
                List.of("CUSTOMER"),
                UUID.randomUUID().toString(),
                claims -> {},
                header -> header.type("JWT"),
                KEY);
    }

    /** The shape of tokens issued before sessions reached them: no {@code sid}. */
    public static String withoutSession(String userId) {
        return token(userId, List.of("CUSTOMER"), null, claims -> {}, header -> {}, KEY);
    }

    private static String token(
            String subject,
            List<String> roles,
            String sessionId,
            Consumer<JwtClaimsSet.Builder> claimsChange,
            Consumer<JwsHeader.Builder> headerChange,
            RSAKey key) {
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        Instant issuedAt = Instant.now();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(List.of(AccessTokens.AUDIENCE))
                .claim(AccessTokens.EMAIL_CLAIM, subject + "@example.test")
                .claim(AccessTokens.ROLES_CLAIM, roles)
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofMinutes(15)));
        if (sessionId != null) {
            claims.claim(AccessTokens.SESSION_CLAIM, sessionId);
        }
        claimsChange.accept(claims);
        var header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type(AccessTokens.TYPE);
        headerChange.accept(header);
        return encoder.encode(JwtEncoderParameters.from(header.build(), claims.build()))
                .getTokenValue();
    }
}
