package dev.shopstack.platform.schema;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The tables platform-starter's code uses ship with it: every service with Flyway gets the ShedLock table, and a
 * service with the outbox on ({@code shop.outbox.enabled=true}) the outbox table, after its own migrations.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
@EnableConfigurationProperties(SharedSchemaProperties.class)
public class SharedSchemaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy sharedSchemaMigration(SharedSchemaProperties properties, Environment environment) {
        return SharedSchemaMigration.of(
                properties, environment.getProperty("shop.outbox.enabled", Boolean.class, false));
    }
}
