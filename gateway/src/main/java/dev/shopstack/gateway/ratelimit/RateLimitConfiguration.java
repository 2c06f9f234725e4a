package dev.shopstack.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.shopstack.gateway.web.EdgeProperties;
import java.util.Set;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * The limiter tiers used by the routes' {@code RequestRateLimiter} filters ({@code default-filters} use the primary
 * ones; the login and sensitive routes name theirs), each backed by Redis or by memory.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private final RateLimitProperties properties;
    private final ClientAddresses clientAddresses;

    RateLimitConfiguration(RateLimitProperties properties, EdgeProperties edge) {
        this.properties = properties;
        this.clientAddresses = new ClientAddresses(edge.trustedProxies());
    }

    /** Every route but the webhook routes, which have their own bucket ({@link #webhookRateLimiter()}). */
    @Bean
    @Primary
    RateLimiter<?> apiRateLimiter() {
        return exempting(limiter("api", properties.api()), Set.copyOf(properties.webhookRoutes()));
    }

    @Bean
    RateLimiter<?> webhookRateLimiter() {
        return limiter("webhook", properties.webhook());
    }

    @Bean
    RateLimiter<?> loginRateLimiter() {
        return limiter("login", properties.login());
    }

    @Bean
    RateLimiter<?> sensitiveRateLimiter() {
        return limiter("sensitive", properties.sensitive());
    }

    @SuppressWarnings("unchecked")
    private static RateLimiter<?> exempting(RateLimiter<?> limiter, Set<String> routes) {
        return new ExemptRoutesRateLimiter((RateLimiter<Object>) limiter, routes);
    }

    private RateLimiter<?> limiter(String tier, RateLimitProperties.Limit limit) {
        return properties.redis()
                ? RedisTokenBucketRateLimiter.of(properties.namespace() + ':' + tier, limit)
                : new InMemoryRateLimiter(limit, properties.maxKeys(), Ticker.systemTicker());
    }

    /** A signed-in user is limited as one, wherever they connect from; anyone else per client address. */
    @Bean
    @Primary
    KeyResolver userOrClientKeyResolver() {
        KeyResolver byAddress = clientAddressKeyResolver();
        return exchange -> exchange.getPrincipal()
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.defer(() -> byAddress.resolve(exchange)));
    }

    /**
     * Per client address even with a token: login and sign-up are attacked by address, not by account. The address
     * is the TCP peer's, or what a trusted proxy forwarded ({@link ClientAddresses}).
     */
    @Bean
    KeyResolver clientAddressKeyResolver() {
        return exchange -> Mono.justOrEmpty(clientAddresses.key(exchange));
    }
}
