package dev.shopstack.platform.outbox;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox for services that publish events ({@code shop.outbox.enabled=true}), with the producer
 * settings its guarantees rest on. The {@code outbox_events} table comes with it ({@code db/shopstack/outbox},
 * migrated by {@code SharedSchemaMigration}).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"
        })
@ConditionalOnClass({KafkaOperations.class, JdbcTemplate.class})
@ConditionalOnProperty(prefix = "shop.outbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /**
     * How the relay's producer sends: acknowledged by every in-sync replica, written once per send (idempotence), and
     * failing within seconds while the broker is down, because the row stays in the outbox and is sent again. A
     * service's own {@code spring.kafka.producer.*} setting of one of these wins.
     */
    static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
            ProducerConfig.LINGER_MS_CONFIG, 0);

    @Bean
    DefaultKafkaProducerFactoryCustomizer outboxProducerDefaults() {
        return factory -> {
            Map<String, Object> unset = new HashMap<>(PRODUCER_DEFAULTS);
            unset.keySet().removeAll(factory.getConfigurationProperties().keySet());
            factory.updateConfigs(unset);
        };
    }

    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new OutboxTracing(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, JsonMapper json, Environment environment, Clock clock, OutboxTracing tracing) {
        return new Outbox(
                jdbc, json, "/" + environment.getProperty("spring.application.name", "unknown"), clock, tracing);
    }

    /**
     * No observation around each relay poll: ten a second per replica would be as many one-span traces in Zipkin.
     * A relayed event is traced by its own send span, in the trace of the request that wrote it.
     */
    @Bean
    ObservationPredicate outboxPollsUnobserved() {
        return (name, context) -> !(context instanceof ScheduledTaskObservationContext task
                && OutboxRelay.class.isAssignableFrom(task.getTargetClass()));
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, Clock clock) {
        return new OutboxMetrics(jdbc, clock);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcTemplate jdbc,
            KafkaOperations<String, String> kafka,
            OutboxProperties properties,
            Clock clock,
            Environment environment,
            OutboxTracing tracing) {
        // a fresh id per process: a restarted replica does not resume its old claims, they expire
        String instanceId = environment.getProperty("spring.application.name", "unknown") + "/" + UUID.randomUUID();
        return new OutboxRelay(jdbc, kafka, properties, clock, instanceId, tracing);
    }
}
