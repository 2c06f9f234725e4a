package dev.shopstack.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers access tokens the gateway has already verified, so a client's next requests with the same token skip the
 * RSA signature check and the claim parsing (about 52 µs of a core per request on the project's machine; see
 * docs/performance.md and ADR 0006). The key is the whole token string, signature included: any changed byte is a miss
 * and goes through the full check. An entry lives until the token expires, and never longer than {@code maxAge}, which
 * bounds how long a token signed by a key that was since withdrawn from the JWKS stays accepted. Failed tokens are
 * never remembered.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokenCache(ReactiveJwtDecoder verifier, long maxEntries, Duration maxAge, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The cache's own expiry runs on its ticker; this check makes the token's {@code exp} exact. */
    private boolean stillValid(Jwt jwt) {
        return jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration lifetime(Jwt jwt, Duration maxAge) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO; // tokens without exp are refused by the validators anyway; never keep one
        }
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
        return untilExpiry.isNegative() ? Duration.ZERO : untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
