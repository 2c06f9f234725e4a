package dev.shopstack.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.platform.test.AtOnce;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TokenRefresherTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    private final TokenRefresher refresher = new TokenRefresher(clock);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void manyRequestsOfOneSessionSpendItsRefreshTokenOnce() throws Exception {
        Tokens stale = new Tokens("a1", "r1", clock.instant());
        AtomicInteger calls = new AtomicInteger();
        List<Tokens> results = AtOnce.rounds(
                1,
                8,
                (round, request) -> refresher.refresh(stale, token -> {
                    calls.incrementAndGet();
                    sleep();
                    return json.readTree("""
                    {"accessToken":"a2","refreshToken":"r2","tokenType":"Bearer","expiresIn":900}""");
                }));
        assertThat(results).extracting(Tokens::refreshToken).containsOnly("r2");
        assertThat(results)
                .extracting(Tokens::accessExpiresAt)
                .containsOnly(clock.instant().plusSeconds(900));
        assertThat(calls)
                .as("a refresh token is single-use: presenting it twice ends the session")
                .hasValue(1);
    }

    @Test
    void aRefusedRefreshSignsThePersonOut() {
        Tokens stale = new Tokens("a1", "revoked", clock.instant());
        assertThatThrownBy(() -> refresher.refresh(stale, token -> {
                    throw new ApiException(ApiProblem.of(401, null, null));
                }))
                .isInstanceOf(SignedOutException.class)
                .hasMessageContaining("sign in again");
    }

    @Test
    void aGatewayOutageDuringRefreshIsNotASignOut() {
        Tokens stale = new Tokens("a1", "r1", clock.instant());
        assertThatThrownBy(() -> refresher.refresh(stale, token -> {
                    throw new ApiException(ApiProblem.of(503, null, "5"));
                }))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void tokensNeverAppearInTheirTextForm() {
        assertThat(new Tokens("secret-access", "secret-refresh", clock.instant()).toString())
                .doesNotContain("secret");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
