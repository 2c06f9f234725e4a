package dev.shopstack.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/** The single-gateway token buckets, on a ticker the test moves. */
class InMemoryRateLimiterTest {

    private static final RateLimitProperties.Limit LOGIN = new RateLimitProperties.Limit(5, Duration.ofMinutes(1), 5);
    private static final RateLimitProperties.Limit API = new RateLimitProperties.Limit(20, Duration.ofSeconds(1), 40);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimiter login = new InMemoryRateLimiter(LOGIN, 1000, nanos::get);

    private RateLimiter.Response ask(InMemoryRateLimiter limiter, String route, String key) {
        return limiter.isAllowed(route, key).block();
    }

    private RateLimiter.Response login(String client) {
        return ask(login, "user-service-login", client);
    }

    private void pass(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void theBurstPassesAndTheNextRequestIsRefusedWithRetryAfter() {
        for (int i = 1; i <= 5; i++) {
            var response = login("203.0.113.7");
            assertThat(response.isAllowed()).as("request " + i).isTrue();
            assertThat(response.getHeaders()).isEmpty();
        }

        var refused = login("203.0.113.7");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "12"); // 5 a minute: one every 12 s
    }

    @Test
    void aClientThatWaitsTheRetryAfterGetsOneMoreRequest() {
        for (int i = 0; i < 5; i++) {
            login("203.0.113.7");
        }

        pass(Duration.ofSeconds(11));
        assertThat(login("203.0.113.7").isAllowed()).as("a second early").isFalse();
        pass(Duration.ofSeconds(1));
        assertThat(login("203.0.113.7").isAllowed()).isTrue();
        assertThat(login("203.0.113.7").isAllowed())
                .as("only one token came back")
                .isFalse();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextTokenRoundedUp() {
        for (int i = 0; i < 5; i++) {
            login("203.0.113.7");
        }
        pass(Duration.ofMillis(5500)); // 6.5 s of the 12 still to go

        assertThat(login("203.0.113.7").getHeaders()).containsEntry("Retry-After", "7");
    }

    @Test
    void afterTheFullPeriodTheBurstIsBackButNeverMore() {
        for (int i = 0; i < 5; i++) {
            login("203.0.113.7");
        }

        pass(Duration.ofHours(1));

        for (int i = 1; i <= 5; i++) {
            assertThat(login("203.0.113.7").isAllowed()).as("request " + i).isTrue();
        }
        assertThat(login("203.0.113.7").isAllowed())
                .as("a quiet hour saves up no more than the burst")
                .isFalse();
    }

    @Test
    void eachClientAndEachRouteHasItsOwnBucket() {
        for (int i = 0; i < 5; i++) {
            login("203.0.113.7");
        }
        assertThat(login("203.0.113.7").isAllowed()).isFalse();

        assertThat(login("198.51.100.1").isAllowed()).as("another address").isTrue();
        assertThat(ask(login, "user-service-register", "203.0.113.7").isAllowed())
                .as("another route")
                .isTrue();
    }

    @Test
    void aFastTierAsksForAtLeastOneSecond() {
        var api = new InMemoryRateLimiter(API, 1000, nanos::get);
        for (int i = 1; i <= 40; i++) {
            assertThat(ask(api, "catalog-service", "user:u-1").isAllowed())
                    .as("request " + i)
                    .isTrue();
        }

        var refused = ask(api, "catalog-service", "user:u-1");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1"); // the next token is 50 ms away
        pass(Duration.ofMillis(50));
        assertThat(ask(api, "catalog-service", "user:u-1").isAllowed()).isTrue();
    }
}
