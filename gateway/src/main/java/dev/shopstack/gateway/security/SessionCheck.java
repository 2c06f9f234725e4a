package dev.shopstack.gateway.security;

import dev.shopstack.platform.tokens.AccessTokenValidators;
import dev.shopstack.platform.tokens.RevocationList;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The last check of every token at the gateway, after {@link VerifiedTokenCache}: a token remembered as verified
 * is refused (401 {@code invalid_token}) once its session is in the revocation list.
 */
final class SessionCheck implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> session;

    SessionCheck(ReactiveJwtDecoder decoder, RevocationList revocations) {
        this.decoder = decoder;
        this.session = AccessTokenValidators.sessionNotRevoked(revocations);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return decoder.decode(token).flatMap(jwt -> {
            var result = session.validate(jwt);
            return result.hasErrors()
                    ? Mono.error(new JwtValidationException("The token's session has ended", result.getErrors()))
                    : Mono.just(jwt);
        });
    }
}
