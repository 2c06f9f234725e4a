package dev.shopstack.platform.tokens;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet services' JWK source: the issuer's key set, cached for a TTL and fetched again on an unknown
 * {@code kid} at most once per cool-down ({@link KeySetPolicy}). Concurrent misses share one fetch: the first
 * caller fetches, the others wait for its result instead of fetching themselves.
 */
public final class CoolingJwkSource implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(CoolingJwkSource.class);

    private final Callable<JWKSet> fetch;
    private final KeySetPolicy policy;
    private final Object lock = new Object();
    private volatile KeySetPolicy.Snapshot current = KeySetPolicy.Snapshot.EMPTY;

    /** @param fetch reads and parses the issuer's JWKS (blocking, with its own timeouts) */
    public CoolingJwkSource(Callable<JWKSet> fetch, Duration ttl, Duration cooldown, Clock clock) {
        this.fetch = fetch;
        this.policy = new KeySetPolicy(ttl, cooldown, clock);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        KeySetPolicy.Snapshot seen = current;
        List<JWK> found = seen.keys() == null ? List.of() : selector.select(seen.keys());
        if (policy.fetchDue(seen, !found.isEmpty(), policy.now())) {
            seen = refresh(seen, !found.isEmpty());
            found = seen.keys() == null ? List.of() : selector.select(seen.keys());
        }
        if (seen.keys() == null) {
            throw new KeySourceException("The issuer's keys could not be fetched");
        }
        return found;
    }

    private KeySetPolicy.Snapshot refresh(KeySetPolicy.Snapshot seen, boolean keyFound) {
        synchronized (lock) {
            Instant now = policy.now();
            if (current != seen || !policy.fetchDue(current, keyFound, now)) {
                return current; // another caller fetched while this one waited
            }
            try {
                current = policy.fetched(fetch.call(), now);
            } catch (Exception e) {
                log.warn("Cannot fetch the issuer's JWKS ({}); keeping the keys already known", e.toString());
                current = policy.failed(seen, now);
            }
            return current;
        }
    }
}
