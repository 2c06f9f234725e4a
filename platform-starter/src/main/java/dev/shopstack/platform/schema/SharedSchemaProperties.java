package dev.shopstack.platform.schema;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param movedMigrations the service's migrations whose shared-table DDL (outbox, ShedLock) moved to
 *     platform-starter: version → the checksum Flyway recorded for the file before the move
 */
@ConfigurationProperties("shop.schema")
public record SharedSchemaProperties(Map<String, Integer> movedMigrations) {

    public SharedSchemaProperties {
        movedMigrations = movedMigrations == null ? Map.of() : Map.copyOf(movedMigrations);
    }
}
