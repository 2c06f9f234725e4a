package dev.shopstack.platform.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a cached JWK set must be fetched again (ADR 0008): when there is none yet, when it is older than its TTL,
 * or when a token names a key it lacks, but never more often than once per cool-down, successful or not, so tokens
 * with made-up {@code kid}s cannot make the gateway and the services hammer the issuer. With no keys at all (the
 * issuer was not up yet), a fetch is tried at most once a second.
 */
final class KeySetPolicy {

    private static final Duration FIRST_FETCH_RETRY = Duration.ofSeconds(1);

    /** What is cached: the keys (null before the first successful fetch), when they came, when a fetch was tried. */
    record Snapshot(JWKSet keys, Instant fetchedAt, Instant attemptedAt) {

        static final Snapshot EMPTY = new Snapshot(null, Instant.EPOCH, Instant.EPOCH);
    }

    private final Duration ttl;
    private final Duration cooldown;
    private final Clock clock;

    KeySetPolicy(Duration ttl, Duration cooldown, Clock clock) {
        if (ttl.isNegative() || cooldown.isNegative()) {
            throw new IllegalArgumentException("The JWKS TTL and refetch cool-down must not be negative");
        }
        this.ttl = ttl;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** A fetch is due for a token whose key {@code found} or not in {@code seen}. */
    boolean fetchDue(Snapshot seen, boolean keyFound, Instant now) {
        if (seen.keys() == null) {
            return seen.attemptedAt().equals(Instant.EPOCH)
                    || !now.isBefore(seen.attemptedAt().plus(FIRST_FETCH_RETRY));
        }
        boolean coolDownOver = !now.isBefore(seen.attemptedAt().plus(cooldown));
        boolean stale = !now.isBefore(seen.fetchedAt().plus(ttl));
        return coolDownOver && (stale || !keyFound);
    }

    Snapshot fetched(JWKSet keys, Instant now) {
        return new Snapshot(keys, now, now);
    }

    /** A failed fetch keeps the keys it had (an issuer outage must not lock everyone out) and starts the cool-down. */
    Snapshot failed(Snapshot seen, Instant now) {
        return new Snapshot(seen.keys(), seen.fetchedAt(), now);
    }
}
