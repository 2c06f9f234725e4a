package dev.shopstack.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket (one atomic Lua script per request, shared by every replica) with what it
 * lacks: a {@code Retry-After} on refusal, slow rates (the script counts whole tokens per second, so "5 a minute" is 1
 * token a second with 12 per request) and a key namespace per limit tier, because two tiers on the same route and
 * client would otherwise share one bucket.
 */
final class RedisTokenBucketRateLimiter extends RedisRateLimiter {

    private final String namespace;
    private final long retryAfterSeconds;

    private RedisTokenBucketRateLimiter(String namespace, int replenishRate, int tokensPerRequest, long burst) {
        super(replenishRate, burst * tokensPerRequest, tokensPerRequest);
        this.namespace = namespace;
        this.retryAfterSeconds = Math.max(1, (long) Math.ceil((double) tokensPerRequest / replenishRate));
        setIncludeHeaders(false); // the X-RateLimit-* internals are not part of the API
    }

    static RedisTokenBucketRateLimiter of(String namespace, RateLimitProperties.Limit limit) {
        double perSecond = limit.perSecond();
        int tokensPerRequest = perSecond >= 1 ? 1 : (int) Math.round(1 / perSecond);
        int replenishRate = (int) Math.max(1, Math.round(perSecond * tokensPerRequest));
        return new RedisTokenBucketRateLimiter(namespace, replenishRate, tokensPerRequest, limit.burst());
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return super.isAllowed(routeId, namespace + ':' + id).map(response -> {
            if (response.isAllowed()) {
                return response;
            }
            Map<String, String> headers = new HashMap<>(response.getHeaders());
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
            return new Response(false, headers);
        });
    }
}
