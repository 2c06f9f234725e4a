package dev.shopstack.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The shared tables on a new database and on databases whose service made an older shape of them. */
class SharedSchemaMigrationTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:shared-schema;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final Flyway service = Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/schema-test-service")
            .load();

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void aNewDatabaseGetsEveryVersionOfTheTablesItUses() {
        SharedSchemaMigration.of(new SharedSchemaProperties(Map.of()), true).migrate(service);

        assertThat(versions("flyway_history_outbox")).containsExactly("0", "1", "2", "3");
        assertThat(versions("flyway_history_shedlock")).containsExactly("0", "1");
        assertThat(present(SharedTable.OUTBOX)).isEqualTo(3);
        assertThat(versions("flyway_schema_history")).containsExactly("1");
    }

    @Test
    void withoutTheOutboxOnlyTheLockTableIsMade() {
        SharedSchemaMigration.of(new SharedSchemaProperties(Map.of()), false).migrate(service);

        assertThat(present(SharedTable.OUTBOX)).isZero();
        assertThat(present(SharedTable.JOB_LOCKS)).isEqualTo(1);
    }

    @Test
    void anOutboxTheServiceMadeBeforeTheRowLeasesIsBaselinedThereAndGetsTheLaterVersions() {
        service.migrate();
        jdbc.execute("CREATE TABLE outbox_events (id BIGINT NOT NULL AUTO_INCREMENT, event_id CHAR(36) NOT NULL, "
                + "topic VARCHAR(100) NOT NULL, record_key VARCHAR(100) NULL, event_type VARCHAR(100) NOT NULL, "
                + "payload TEXT NOT NULL, created_at TIMESTAMP(6) NOT NULL, published_at TIMESTAMP(6) NULL, "
                + "PRIMARY KEY (id))");
        jdbc.update("INSERT INTO outbox_events (event_id, topic, event_type, payload, created_at) "
                + "VALUES ('e', 'events', 'Example', '{}', CURRENT_TIMESTAMP)");

        SharedSchemaMigration.of(new SharedSchemaProperties(Map.of()), true).migrate(service);

        assertThat(versions("flyway_history_outbox")).containsExactly("1", "2", "3");
        assertThat(jdbc.queryForList("SELECT traceparent FROM outbox_events", String.class))
                .hasSize(1);
    }

    private List<String> versions(String history) {
        return jdbc.queryForList(
                "SELECT version FROM " + history + " WHERE version IS NOT NULL ORDER BY installed_rank", String.class);
    }

    private int present(SharedTable table) {
        try (Connection connection = dataSource.getConnection()) {
            return table.versionPresent(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
