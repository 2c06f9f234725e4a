package dev.shopstack.platform.tokens;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What every checker of the platform requires of an access token besides its signature (ADR 0008): the issuer,
 * {@code exp}/{@code nbf} (60 s skew), the audience {@value AccessTokens#AUDIENCE}, the header type
 * {@value AccessTokens#TYPE}, a session and a session that is not revoked.
 *
 * <p>Spring Security's {@code JwtValidators.createDefault*} add a type check that accepts only {@code JWT} or no
 * type, which would refuse every {@code at+jwt} token: these validators replace them, they do not extend them.
 */
public final class AccessTokenValidators {

    private AccessTokenValidators() {}

    public static OAuth2TokenValidator<Jwt> create(String issuer, RevocationList revocations) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(AccessTokens.AUDIENCE),
                new JwtTypeValidator(AccessTokens.TYPE),
                sessionNotRevoked(revocations)));
    }

    /** A {@code sid} is present, and its session has not been revoked. */
    public static OAuth2TokenValidator<Jwt> sessionNotRevoked(RevocationList revocations) {
        return jwt -> {
            String session = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
            if (session == null || session.isBlank()) {
                return invalid("The token carries no session.");
            }
            return revocations.isRevoked(session)
                    ? invalid("The token's session has ended.")
                    : OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
