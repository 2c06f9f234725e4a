package dev.shopstack.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The gateway's key source: the same cool-down, and concurrent misses subscribe to one fetch. */
class CoolingReactiveJwkSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final JWKSet keys = keys();
    private final CoolingReactiveJwkSource source = new CoolingReactiveJwkSource(
            Mono.fromSupplier(() -> {
                        fetches.incrementAndGet();
                        return keys;
                    })
                    .delayElement(Duration.ofMillis(50)),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            clock);

    private static JWKSet keys() {
        try {
            return new JWKSet(new RSAKeyGenerator(2048).keyID("k-1").generate().toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignedJWT withKid(String kid) {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
        try {
            return new SignedJWT(header.toBase64URL(), Base64URL.encode("{}"), Base64URL.encode("sig"));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThousandConcurrentUnknownKidsCauseOneFetch() {
        Long found = Flux.range(0, 1000)
                .flatMap(i -> source.apply(withKid("made-up-" + i)).count())
                .reduce(0L, Long::sum)
                .block();
        assertThat(found).isZero();
        assertThat(source.apply(withKid("k-1")).count().block()).isEqualTo(1);
        System.out.printf("JWKS fetches (gateway source): %d for 1000 concurrent unknown kids%n", fetches.get());
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(30));
        Flux.range(0, 1000)
                .flatMap(i -> source.apply(withKid("again-" + i)).count())
                .blockLast();
        assertThat(fetches).hasValue(2);
    }
}
