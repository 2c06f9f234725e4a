package dev.shopstack.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The servlet key source's TTL, unknown-kid cool-down and single-flight fetches, with a counting fetch. */
class CoolingJwkSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(key("k-1")));
    private final CoolingJwkSource source = new CoolingJwkSource(
            () -> {
                fetches.incrementAndGet();
                JWKSet set = published.get();
                if (set == null) {
                    throw new IOException("issuer down");
                }
                return set;
            },
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            clock);

    private static JWK key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate().toPublicJWK();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JWK> get(String kid) throws KeySourceException {
        return source.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
    }

    @Test
    void aThousandUnknownKidsCauseOneFetchPerCoolDown() throws Exception {
        assertThat(get("k-1")).hasSize(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(get("made-up-" + i)).isEmpty();
            if (i == 500) {
                clock.advance(Duration.ofSeconds(29));
            }
        }
        int inFirstWindow = fetches.get();
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 1000; i++) {
            get("made-up-again-" + i);
        }
        System.out.printf(
                "JWKS fetches (servlet source): %d for 1 known + 1000 unknown kids in one 30 s window, "
                        + "%d after 1000 more in the next%n",
                inFirstWindow, fetches.get());
        assertThat(inFirstWindow).isEqualTo(1);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRotatedKeyIsFoundOnceTheCoolDownIsOver() throws Exception {
        get("k-1");
        published.set(new JWKSet(List.of(key("k-1"), key("k-2"))));

        assertThat(get("k-2")).as("inside the cool-down").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(get("k-2")).hasSize(1);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void theKeySetExpiresAfterItsTtl() throws Exception {
        get("k-1");
        published.set(new JWKSet(key("k-3"))); // k-1 withdrawn

        clock.advance(Duration.ofMinutes(4));
        assertThat(get("k-1")).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("k-1")).as("withdrawn key gone after the TTL").isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anIssuerOutageKeepsTheKnownKeysAndIsNotHammered() throws Exception {
        get("k-1");
        published.set(null);
        clock.advance(Duration.ofMinutes(6));

        assertThat(get("k-1")).hasSize(1);
        assertThat(get("unknown")).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void withoutAnyKeyTheFailureIsAnErrorAndRetriedAtMostOnceASecond() throws Exception {
        published.set(null);

        assertThatThrownBy(() -> get("k-1")).isInstanceOf(KeySourceException.class);
        assertThatThrownBy(() -> get("k-1")).isInstanceOf(KeySourceException.class);
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        published.set(new JWKSet(key("k-1")));
        assertThatNoError();
        assertThat(fetches).hasValue(2);
    }

    private void assertThatNoError() throws KeySourceException {
        assertThat(get("k-1")).hasSize(1);
    }

    @Test
    void concurrentMissesShareOneFetch() throws Exception {
        var slowSource = new CoolingJwkSource(
                () -> {
                    fetches.incrementAndGet();
                    Thread.sleep(200);
                    return published.get();
                },
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                clock);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(16);
        var results = new java.util.ArrayList<java.util.concurrent.Future<List<JWK>>>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return slowSource.get(
                        new JWKSelector(new JWKMatcher.Builder().keyID("k-1").build()), null);
            }));
        }
        start.countDown();
        for (var result : results) {
            assertThat(result.get()).hasSize(1);
        }
        pool.shutdown();
        assertThat(fetches).hasValue(1);
    }
}
