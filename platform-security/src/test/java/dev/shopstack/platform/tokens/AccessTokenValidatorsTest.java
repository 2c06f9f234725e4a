package dev.shopstack.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenValidatorsTest {

    static final String ISSUER = "https://shop.example";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final RevocationList revocations = new RevocationList(clock);
    private final OAuth2TokenValidator<Jwt> validator = AccessTokenValidators.create(ISSUER, revocations);

    private static Jwt.Builder token() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .header("typ", AccessTokens.TYPE)
                .issuer(ISSUER)
                .subject("u-1")
                .audience(List.of(AccessTokens.AUDIENCE))
                .claim(AccessTokens.SESSION_CLAIM, "s-1")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(900));
    }

    private OAuth2TokenValidatorResult validate(Jwt.Builder token) {
        return validator.validate(token.build());
    }

    @Test
    void anAccessTokenOfThePlatformPasses() {
        assertThat(validate(token()).hasErrors()).isFalse();
        assertThat(validate(token().header("typ", "AT+JWT")).hasErrors())
                .as("media types ignore case")
                .isFalse();
    }

    @Test
    void anotherAudienceOrNoneIsRefused() {
        assertThat(validate(token().audience(List.of("another-api"))).hasErrors())
                .isTrue();
        assertThat(validate(token().claims(claims -> claims.remove("aud"))).hasErrors())
                .isTrue();
    }

    @Test
    void anotherTypeOrNoneIsRefusedThoughSpringsDefaultWouldAcceptThem() {
        assertThat(validate(token().header("typ", "JWT")).hasErrors()).isTrue();
        assertThat(validate(token().headers(headers -> headers.remove("typ"))).hasErrors())
                .isTrue();
    }

    @Test
    void aTokenWithoutSessionIsRefused() {
        assertThat(validate(token().claims(claims -> claims.remove(AccessTokens.SESSION_CLAIM)))
                        .hasErrors())
                .isTrue();
        assertThat(validate(token().claim(AccessTokens.SESSION_CLAIM, " ")).hasErrors())
                .isTrue();
    }

    @Test
    void aTokenOfARevokedSessionIsRefusedUntilTheRevocationExpires() {
        revocations.revoke("s-1", clock.instant().plus(Duration.ofMinutes(16)));

        OAuth2TokenValidatorResult result = validate(token());
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).extracting("errorCode").containsOnly("invalid_token");
        assertThat(validate(token().claim(AccessTokens.SESSION_CLAIM, "s-2")).hasErrors())
                .isFalse();

        clock.advance(Duration.ofMinutes(16));
        assertThat(validate(token()).hasErrors()).isFalse();
    }

    @Test
    void issuerAndExpiryAreStillChecked() {
        assertThat(validate(token().issuer("https://evil.example")).hasErrors()).isTrue();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertThat(validate(token().issuedAt(past.minusSeconds(900)).expiresAt(past))
                        .hasErrors())
                .isTrue();
    }
}
