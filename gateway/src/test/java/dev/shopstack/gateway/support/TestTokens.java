package dev.shopstack.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopstack.platform.tokens.AccessTokens;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens like user-service does (ADR 0008: {@code typ: at+jwt}, {@code aud}, {@code sid}), with a
 * throw-away key whose JWKS the stub backend publishes, and the ways a token can be wrong.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";

    private final RSAKey key = generate("test-key");
    private final RSAKey otherKeySameKid = generate("test-key");
    private final RSAKey unpublished = generate("unpublished");

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String customer(String userId) {
        return sign(key, claims(userId, ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(15)));
    }

    /** A customer's token of the given session ({@code sid}), to revoke it. */
    public String customerOfSession(String userId, String sessionId) {
        return sign(
                key,
                new JWTClaimsSet.Builder(claims(userId, ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(15)))
                        .claim(AccessTokens.SESSION_CLAIM, sessionId)
                        .build());
    }

    public String wrongAudience() {
        return sign(
                key,
                new JWTClaimsSet.Builder(claims("u-1", ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(15)))
                        .audience("another-api")
                        .build());
    }

    /** Signed by the trusted key, but {@code typ: JWT}: not an access token. */
    public String wrongType() {
        return sign(key, claims("u-1", ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(15)), JOSEObjectType.JWT);
    }

    public String withoutSession() {
        return sign(
                key,
                new JWTClaimsSet.Builder(claims("u-1", ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(15)))
                        .claim(AccessTokens.SESSION_CLAIM, null)
                        .build());
    }

    /** Signed by a key the issuer never published, under a made-up {@code kid}. */
    public String unknownKid(String kid) {
        return sign(
                new RSAKey.Builder(unpublished).keyID(kid).build(),
                claims("u-1", ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(15)));
    }

    public String customer(String userId, Duration validFor) {
        return sign(key, claims(userId, ISSUER, List.of("CUSTOMER"), validFor));
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String admin(String userId) {
        return sign(key, claims(userId, ISSUER, List.of("ADMIN"), Duration.ofMinutes(15)));
    }

    public String expired() {
        return sign(key, claims("u-1", ISSUER, List.of("CUSTOMER"), Duration.ofMinutes(-10)));
    }

    public String wrongIssuer() {
        return sign(key, claims("u-1", "https://evil.example", List.of("CUSTOMER"), Duration.ofMinutes(15)));
    }

    /** Signed with another key that claims the trusted key's id. */
    public String forged() {
        return sign(otherKeySameKid, claims("u-1", ISSUER, List.of("ADMIN"), Duration.ofMinutes(15)));
    }

    /** {@code alg: none}, no signature at all. */
    public String unsigned() {
        String header =
                Base64URL.encode("{\"alg\":\"none\",\"kid\":\"test-key\"}").toString();
        String payload = Base64URL.encode(claims("u-1", ISSUER, List.of("ADMIN"), Duration.ofMinutes(15))
                        .toString())
                .toString();
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(String subject, String issuer, List<String> roles, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("roles", roles)
                .audience(AccessTokens.AUDIENCE)
                .claim(AccessTokens.SESSION_CLAIM, UUID.randomUUID().toString())
                .claim("email", subject + "@example.com")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(validFor)))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, claims, new JOSEObjectType(AccessTokens.TYPE));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims, JOSEObjectType type) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(type)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
