package dev.shopstack.platform.tokens;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The revocation list of every resource server of the platform (the gateway and each servlet service), fed from
 * {@code session-revocations}, with its health ({@code revocations}) and the gauge
 * {@code shop.security.revocations.synced}. Apps without a resource server (discovery) get none of it.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
@EnableConfigurationProperties(RevocationProperties.class)
public class RevocationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RevocationList revocationList(ObjectProvider<Clock> clock) {
        return new RevocationList(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "shop.security.revocations.enabled", matchIfMissing = true)
    SessionRevocationsLifecycle sessionRevocationsLifecycle(
            RevocationList revocations,
            RevocationProperties properties,
            Environment environment,
            ObjectProvider<Clock> clock) {
        var consumer = new KafkaConsumer<String, String>(
                consumerConfig(environment), new StringDeserializer(), new StringDeserializer());
        return new SessionRevocationsLifecycle(new SessionRevocationsConsumer(
                consumer, revocations, properties.horizon(), clock.getIfAvailable(Clock::systemUTC)));
    }

    /** The app's own broker and credentials ({@code spring.kafka.*}); no group: offsets are never committed. */
    static Map<String, Object> consumerConfig(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> config = new HashMap<>();
        config.putAll(binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                        .orElse(List.of("localhost:9092")));
        binder.bind("spring.kafka.security.protocol", String.class)
                .ifBound(protocol -> config.put("security.protocol", protocol));
        config.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "shopstack") + "-session-revocations");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class RevocationsHealth {

        /** Always UP (tokens are still checked), with whether the list has caught up since start. */
        @Bean
        HealthIndicator revocationsHealthIndicator(
                RevocationList revocations, ObjectProvider<SessionRevocationsLifecycle> lifecycle) {
            return () -> {
                SessionRevocationsLifecycle reader = lifecycle.getIfAvailable();
                return Health.up()
                        .withDetail("synced", reader != null && reader.synced())
                        .withDetail("reading", reader != null)
                        .withDetail("revokedSessions", revocations.size())
                        .build();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class RevocationsMetrics {

        @Bean
        MeterBinder revocationsMeters(
                RevocationList revocations, ObjectProvider<SessionRevocationsLifecycle> lifecycle) {
            return registry -> {
                Gauge.builder(
                                "shop.security.revocations.synced",
                                lifecycle,
                                reader -> reader.getIfAvailable() != null
                                                && reader.getIfAvailable().synced()
                                        ? 1
                                        : 0)
                        .description("1 once the revoked sessions on the topic have been read since start")
                        .register(registry);
                Gauge.builder("shop.security.revocations.sessions", revocations, RevocationList::size)
                        .description("Revoked sessions whose access tokens are refused")
                        .register(registry);
            };
        }
    }
}
