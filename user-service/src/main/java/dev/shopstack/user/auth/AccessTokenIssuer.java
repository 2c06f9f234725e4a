package dev.shopstack.user.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.shopstack.platform.tokens.AccessTokens;
import dev.shopstack.user.account.Role;
import dev.shopstack.user.account.User;
import dev.shopstack.user.token.SigningKeyProperties;
import dev.shopstack.user.token.SigningKeys;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens with the active key, in the shape of ADR 0008: header {@code typ: at+jwt} (RFC 9068), claims
 * {@code aud}, {@code sid} (the session, so revocation can name it), {@code email}, {@code roles}. The encoder is
 * built once, not per token.
 */
@Component
public class AccessTokenIssuer {

    private final JwtEncoder encoder;
    private final String keyId;
    private final String issuer;
    private final AuthProperties properties;

    public AccessTokenIssuer(SigningKeys keys, SigningKeyProperties keyProperties, AuthProperties properties) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.active())));
        this.keyId = keys.active().getKeyID();
        this.issuer = keyProperties.issuer();
        this.properties = properties;
    }

    /** @param sessionId the refresh-token family, as claim {@code sid}, so "other sessions" can be told apart */
    public String issue(User user, UUID sessionId, Instant now) {
        List<String> roles = user.getRoles().stream().map(Role::name).sorted().toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.getId().toString())
                .audience(List.of(AccessTokens.AUDIENCE))
                .claim(AccessTokens.EMAIL_CLAIM, user.getEmail())
                .claim(AccessTokens.ROLES_CLAIM, roles)
                .claim(AccessTokens.SESSION_CLAIM, sessionId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenLifetime()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keyId)
                .type(AccessTokens.TYPE)
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
