package dev.shopstack.platform.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox for services that publish events ({@code shop.outbox.enabled=true}). The service
 * owns the {@code outbox_events} table in its own Flyway migrations.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({KafkaOperations.class, JdbcTemplate.class})
@ConditionalOnProperty(prefix = "shop.outbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    Outbox outbox(JdbcTemplate jdbc, JsonMapper json, Environment environment) {
        return new Outbox(jdbc, json, "/" + environment.getProperty("spring.application.name", "unknown"));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaOperations<String, String> kafka, OutboxProperties properties) {
        return new OutboxRelay(jdbc, kafka, properties);
    }
}
