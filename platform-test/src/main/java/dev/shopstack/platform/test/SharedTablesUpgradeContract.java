package dev.shopstack.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * A database migrated before the shared tables' DDL moved from a service's migrations to platform-starter upgrades
 * in place, on H2 and (under the mysql test profile) on MySQL/MariaDB. A service's test extends it and keeps the
 * moved migrations as they were under {@code src/test/resources/db/before-shared-tables}; its
 * {@code shop.schema.moved-migrations} names them.
 */
public abstract class SharedTablesUpgradeContract {

    private static final String BEFORE_THE_MOVE = "db/before-shared-tables";
    private static final List<String> SHARED_TABLES = List.of("outbox_events", "shedlock");

    @Test
    public void aDatabaseFromBeforeTheMoveUpgradesKeepingItsRowsAndEndsAsANewOne() {
        try (var upgraded = ScratchDatabase.create();
                var fresh = ScratchDatabase.create()) {
            upgraded.migrateAsBefore(BEFORE_THE_MOVE);
            List<String> tables = SHARED_TABLES.stream()
                    .filter(table -> !upgraded.shapeOf(table).isEmpty())
                    .toList();
            if (tables.contains("outbox_events")) {
                upgraded.jdbc()
                        .update("INSERT INTO outbox_events (event_id, topic, event_type, payload, created_at) "
                                + "VALUES ('00000000-0000-0000-0000-000000000001', 'events', 'Example', '{}', "
                                + "CURRENT_TIMESTAMP)");
            }
            upgraded.jdbc()
                    .update(
                            "INSERT INTO shedlock VALUES ('job', CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3), 'replica')");

            upgraded.migrateAsTheServiceStarts();
            fresh.migrateAsTheServiceStarts();

            assertThat(upgraded.validatesAsTheServiceStarts()).isTrue();
            assertThat(tables).contains("shedlock");
            for (String table : tables) {
                assertThat(upgraded.shapeOf(table)).isEqualTo(fresh.shapeOf(table));
                assertThat(count(upgraded, table)).isEqualTo(1);
            }
            if (tables.contains("outbox_events")) {
                // the outbox history starts where the service's own migrations had taken the table
                assertThat(upgraded.jdbc()
                                .queryForList(
                                        "SELECT version FROM flyway_history_outbox WHERE version IS NOT NULL",
                                        String.class))
                        .containsExactly("3");
            }
        }
    }

    @Test
    public void aMovedMigrationThatTheDatabaseAppliedInAnotherFormStillFailsValidation() {
        String moved = ScratchDatabase.sharedSchemaSettings()
                .movedMigrations()
                .keySet()
                .iterator()
                .next();
        try (var database = ScratchDatabase.create()) {
            database.migrateAsBefore(BEFORE_THE_MOVE);
            database.jdbc().update("UPDATE flyway_schema_history SET checksum = 1 WHERE version = ?", moved);

            assertThatThrownBy(database::migrateAsTheServiceStarts).isInstanceOf(FlywayValidateException.class);
        }
    }

    private static int count(ScratchDatabase database, String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
