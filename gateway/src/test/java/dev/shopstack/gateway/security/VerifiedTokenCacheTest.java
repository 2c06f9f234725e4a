package dev.shopstack.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.gateway.support.TestTokens;
import dev.shopstack.platform.tokens.AccessTokenValidators;
import dev.shopstack.platform.tokens.RevocationList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The gateway's memory of verified tokens, in front of the real Nimbus decoder and real RS256 signatures. */
class VerifiedTokenCacheTest {

    private final TestTokens tokens = new TestTokens();
    private final NimbusReactiveJwtDecoder nimbus = decoder(tokens);
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };

    private static NimbusReactiveJwtDecoder decoder(TestTokens tokens) {
        var decoder = NimbusReactiveJwtDecoder.withPublicKey(tokens.publicKey()).build();
        decoder.setJwtValidator(AccessTokenValidators.create(TestTokens.ISSUER, new RevocationList(Clock.systemUTC())));
        return decoder;
    }

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        var cache = new VerifiedTokenCache(counting, 100, Duration.ofMinutes(5), Clock.systemUTC());
        String token = tokens.customer("u-1");

        Jwt first = cache.decode(token).block();
        Jwt second = cache.decode(token).block();

        assertThat(second.getSubject()).isEqualTo("u-1");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsCheckedAndRefused() {
        var cache = new VerifiedTokenCache(counting, 100, Duration.ofMinutes(5), Clock.systemUTC());
        String token = tokens.customer("u-1");
        cache.decode(token).block();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> cache.decode(tampered).block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNotRemembered() {
        var cache = new VerifiedTokenCache(counting, 100, Duration.ofMinutes(5), Clock.systemUTC());
        String forged = tokens.forged();

        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRememberedTokenIsNotServedPastItsExpiry() {
        var clock = new MovableClock(Instant.now());
        var cache = new VerifiedTokenCache(counting, 100, Duration.ofMinutes(5), clock);
        String token = tokens.customer("u-1", Duration.ofMinutes(2));
        cache.decode(token).block();

        clock.advance(Duration.ofMinutes(3)); // a minute past exp by the cache's clock
        cache.decode(token).onErrorComplete().block(); // the decoder's own clock decides the answer

        assertThat(verifications)
                .as("the expired token went back to the full check")
                .hasValue(2);
    }

    @Test
    void maxAgeBoundsHowLongATokenIsTrustedWithoutACheck() {
        var cache = new VerifiedTokenCache(counting, 100, Duration.ZERO, Clock.systemUTC());
        String token = tokens.customer("u-1");

        cache.decode(token).block();
        cache.decode(token).block();

        assertThat(verifications).hasValue(2);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
