package dev.shopstack.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per route and key, for a single gateway (no Redis). Memory is bounded: at most {@code maxKeys}
 * buckets, and a bucket untouched for longer than it takes to refill is dropped (a fresh one is identical). Limits are
 * fixed per instance (one bean per tier), so there is no per-route configuration. Time is the {@code ticker}'s
 * monotonic nanoseconds ({@link Ticker#systemTicker()} in service), for the buckets and their expiry alike.
 */
final class InMemoryRateLimiter implements RateLimiter<Object> {

    private final RateLimitProperties.Limit limit;
    private final Cache<String, Bucket> buckets;
    private final Ticker ticker;

    InMemoryRateLimiter(RateLimitProperties.Limit limit, long maxKeys, Ticker ticker) {
        this.limit = limit;
        this.ticker = ticker;
        Duration idle = limit.timeToFull().plusSeconds(1);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(idle)
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Bucket bucket = buckets.get(routeId + '|' + id, key -> new Bucket(limit.burst(), ticker.read()));
        long retryAfterSeconds = bucket.take(limit, ticker.read());
        return Mono.just(
                retryAfterSeconds == 0
                        ? new Response(true, Map.of())
                        : new Response(false, Map.of("Retry-After", Long.toString(retryAfterSeconds))));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes one token; answers 0 when allowed, otherwise the whole seconds until a token is back. */
        synchronized long take(RateLimitProperties.Limit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond()));
        }
    }
}
