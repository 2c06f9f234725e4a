package dev.shopstack.platform.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's JWK source for {@code NimbusReactiveJwtDecoder.withJwkSource}: the same TTL and unknown-{@code kid}
 * cool-down as {@link CoolingJwkSource} ({@link KeySetPolicy}), without blocking; concurrent misses subscribe to
 * the one fetch in flight.
 */
public final class CoolingReactiveJwkSource implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(CoolingReactiveJwkSource.class);

    private final Mono<JWKSet> fetch;
    private final KeySetPolicy policy;
    private final AtomicReference<KeySetPolicy.Snapshot> current = new AtomicReference<>(KeySetPolicy.Snapshot.EMPTY);
    private final AtomicReference<Mono<KeySetPolicy.Snapshot>> inFlight = new AtomicReference<>();

    /** @param fetch reads and parses the issuer's JWKS when subscribed to (with its own timeouts) */
    public CoolingReactiveJwkSource(Mono<JWKSet> fetch, Duration ttl, Duration cooldown, Clock clock) {
        this.fetch = fetch;
        this.policy = new KeySetPolicy(ttl, cooldown, clock);
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        KeySetPolicy.Snapshot seen = current.get();
        List<JWK> found = select(selector, seen);
        if (!policy.fetchDue(seen, !found.isEmpty(), policy.now())) {
            return Flux.fromIterable(found);
        }
        return refresh(seen, !found.isEmpty()).flatMapMany(snapshot -> {
            if (snapshot.keys() == null) {
                return Flux.error(new JwtException("The issuer's keys could not be fetched"));
            }
            return Flux.fromIterable(select(selector, snapshot));
        });
    }

    private Mono<KeySetPolicy.Snapshot> refresh(KeySetPolicy.Snapshot seen, boolean keyFound) {
        Mono<KeySetPolicy.Snapshot> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<KeySetPolicy.Snapshot> mine = Mono.defer(() -> {
                    Instant now = policy.now();
                    KeySetPolicy.Snapshot latest = current.get();
                    if (latest != seen || !policy.fetchDue(latest, keyFound, now)) {
                        return Mono.just(latest); // fetched meanwhile
                    }
                    return fetch.map(keys -> policy.fetched(keys, now))
                            .onErrorResume(e -> {
                                log.warn(
                                        "Cannot fetch the issuer's JWKS ({}); keeping the keys already known",
                                        e.toString());
                                return Mono.just(policy.failed(latest, now));
                            })
                            .doOnNext(current::set);
                })
                .doFinally(signal -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, mine) ? mine : refresh(seen, keyFound);
    }

    private static List<JWK> select(JWKSelector selector, KeySetPolicy.Snapshot snapshot) {
        return snapshot.keys() == null ? List.of() : selector.select(snapshot.keys());
    }
}
