package dev.shopstack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.platform.test.ScratchDatabase;
import java.util.List;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * A database migrated before the shared tables' DDL moved from this service's migrations to platform-starter
 * upgrades in place, on H2 and (under the mysql test profile) on MySQL/MariaDB.
 */
class SharedTablesUpgradeTest {

    private static final String BEFORE_THE_MOVE = "db/before-shared-tables";

    @Test
    void aDatabaseFromBeforeTheMoveUpgradesKeepingItsRowsAndEndsAsANewOne() {
        try (var upgraded = ScratchDatabase.create(); var fresh = ScratchDatabase.create()) {
            upgraded.migrateAsBefore(BEFORE_THE_MOVE);
            upgraded.jdbc().update(
                    "INSERT INTO shedlock VALUES ('job', CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3), 'replica')");

            upgraded.migrateAsTheServiceStarts();
            fresh.migrateAsTheServiceStarts();

            assertThat(upgraded.validatesAsTheServiceStarts()).isTrue();
            for (String table : List.of("shedlock")) {
                assertThat(upgraded.shapeOf(table)).isNotEmpty().isEqualTo(fresh.shapeOf(table));
            }
            assertThat(count(upgraded, "shedlock")).isEqualTo(1);
        }
    }

    @Test
    void aMovedMigrationThatTheDatabaseAppliedInAnotherFormStillFailsValidation() {
        try (var database = ScratchDatabase.create()) {
            database.migrateAsBefore(BEFORE_THE_MOVE);
            database.jdbc().update("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '4'");

            assertThatThrownBy(database::migrateAsTheServiceStarts).isInstanceOf(FlywayValidateException.class);
        }
    }

    private static int count(ScratchDatabase database, String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
