package dev.shopstack.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The limiter tiers used by the routes' {@code RequestRateLimiter} filters ({@code default-filters} use the primary
 * ones; the login and sensitive routes name theirs), each backed by Redis or by memory.
 */
@EnableConfigurationProperties(RateLimitProperties.class)
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private final RateLimitProperties properties;

    RateLimitConfiguration(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Bean
    @Primary
    RateLimiter<?> apiRateLimiter() {
        return limiter("api", properties.api());
    }

    @Bean
    RateLimiter<?> loginRateLimiter() {
        return limiter("login", properties.login());
    }

    @Bean
    RateLimiter<?> sensitiveRateLimiter() {
        return limiter("sensitive", properties.sensitive());
    }

    private RateLimiter<?> limiter(String tier, RateLimitProperties.Limit limit) {
        return properties.redis()
                ? RedisTokenBucketRateLimiter.of(properties.namespace() + ':' + tier, limit)
                : new InMemoryRateLimiter(limit, properties.maxKeys());
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

    /** Per client address even with a token: login and sign-up are attacked by address, not by account. */
    @Bean
    KeyResolver clientAddressKeyResolver() {
        RemoteAddressResolver resolver = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() { };
        return exchange -> Mono.justOrEmpty(address(resolver, exchange)).map(ip -> "ip:" + ip);
    }

    private static String address(RemoteAddressResolver resolver, ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        return address == null ? null
                : address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
