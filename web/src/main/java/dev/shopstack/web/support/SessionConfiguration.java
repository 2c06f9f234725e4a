package dev.shopstack.web.support;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopstack.web.WebProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Server-side sessions (Spring Session). The browser holds only the session cookie: httpOnly, SameSite=Lax (Strict
 * would drop the session when a person follows an emailed link or comes back from the payment page), Secure
 * outside {@code local}. Memory by default; {@code shop.web.session-store=redis} keeps them in Redis (Boot's
 * Spring Session auto-configuration), so several replicas share them.
 */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    public static final String COOKIE_NAME = "SHOPSESSION";

    @Bean
    CookieSerializer cookieSerializer(WebProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE_NAME);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(properties.secureCookie());
        cookie.setUseBase64Encoding(true);
        return cookie;
    }

    /** One instance: sessions in a bounded map, least recently used evicted first, idle ones expire. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "shop.web.session-store", havingValue = "memory", matchIfMissing = true)
    @EnableSpringHttpSession
    static class MemorySessions {

        @Bean
        MapSessionRepository sessionRepository(WebProperties properties) {
            var sessions = Caffeine.newBuilder()
                    .maximumSize(properties.maxSessions())
                    .expireAfterAccess(properties.sessionTimeout())
                    .<String, org.springframework.session.Session>build();
            MapSessionRepository repository = new MapSessionRepository(sessions.asMap());
            repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
            return repository;
        }
    }

    /** Several replicas: Boot's Redis session repository; readiness reports whether Redis answers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "shop.web.session-store", havingValue = "redis")
    static class RedisSessions {

        @Bean("sessions")
        HealthIndicator sessionStoreHealth(RedisConnectionFactory redis) {
            return () -> {
                try (var connection = redis.getConnection()) {
                    return "PONG".equals(connection.ping())
                            ? Health.up().build()
                            : Health.down().build();
                } catch (RuntimeException e) {
                    return Health.down()
                            .withDetail("error", e.getClass().getSimpleName())
                            .build();
                }
            };
        }
    }
}
