package dev.shopstack.platform.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates a service's database: its own migrations, then each {@link SharedTable} it uses from its own location and
 * history. A database whose service migrations created a shared table before it moved here is baselined at the
 * version its columns show, and the service migrations that lost that DDL are realigned to their new checksums, but
 * only where the database applied them exactly as they were ({@code shop.schema.moved-migrations}); any other
 * difference still fails Flyway's validation.
 */
public class SharedSchemaMigration implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SharedSchemaMigration.class);

    private final Map<String, Integer> checksumsBeforeTheMove;
    private final List<SharedTable> tables;

    SharedSchemaMigration(Map<String, Integer> checksumsBeforeTheMove, List<SharedTable> tables) {
        this.checksumsBeforeTheMove = Map.copyOf(checksumsBeforeTheMove);
        this.tables = List.copyOf(tables);
    }

    /** What a service migrates: the ShedLock table always, the outbox table when it publishes through the outbox. */
    public static SharedSchemaMigration of(SharedSchemaProperties properties, boolean outbox) {
        return new SharedSchemaMigration(
                properties.movedMigrations(),
                outbox ? List.of(SharedTable.JOB_LOCKS, SharedTable.OUTBOX) : List.of(SharedTable.JOB_LOCKS));
    }

    @Override
    public void migrate(Flyway flyway) {
        realignMovedMigrations(flyway);
        flyway.migrate();
        for (SharedTable table : tables) {
            migrate(flyway.getConfiguration(), table);
        }
    }

    private void realignMovedMigrations(Flyway flyway) {
        Map<String, Integer> applied = Arrays.stream(flyway.info().applied())
                .filter(migration -> migration.getVersion() != null && migration.getChecksum() != null)
                .collect(Collectors.toMap(
                        migration -> migration.getVersion().getVersion(),
                        MigrationInfo::getChecksum,
                        (first, second) -> second));
        boolean appliedBeforeTheMove = checksumsBeforeTheMove.entrySet().stream()
                .anyMatch(old -> old.getValue().equals(applied.get(old.getKey())));
        if (!appliedBeforeTheMove) {
            return;
        }
        Flyway check = Flyway.configure()
                .configuration(flyway.getConfiguration())
                .ignoreMigrationPatterns("*:pending")
                .load();
        ValidateResult result = check.validateWithResult();
        boolean onlyMovedDdl = result.invalidMigrations.stream()
                .allMatch(invalid -> invalid.errorDetails != null
                        && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH
                        && Objects.equals(checksumsBeforeTheMove.get(invalid.version), applied.get(invalid.version)));
        if (!result.validationSuccessful && onlyMovedDdl) {
            log.info(
                    "Realigning the checksums of migrations {}: their shared-table DDL moved to platform-starter",
                    result.invalidMigrations.stream()
                            .map(invalid -> invalid.version)
                            .toList());
            check.repair();
        }
    }

    private static void migrate(Configuration service, SharedTable table) {
        int present;
        try (Connection connection = service.getDataSource().getConnection()) {
            present = table.versionPresent(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's " + table.table() + " table", e);
        }
        // the baseline applies only when this history does not exist yet: on a new database at 0, so V1 runs
        Flyway.configure()
                .configuration(service)
                .locations(table.location())
                .table(table.history())
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(present))
                .baselineDescription(present == 0 ? "no " + table.table() : table.table() + " made by the service")
                .load()
                .migrate();
    }
}
