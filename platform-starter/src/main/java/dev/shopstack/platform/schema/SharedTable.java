package dev.shopstack.platform.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table that platform-starter's own code reads and writes, shipped with its migrations and migrated with a Flyway
 * history of its own beside the service's. Before they moved here, the services created these tables in their own
 * migrations: {@link #versionPresent} reads which version such a database already has, from its columns.
 *
 * @param table the table's name
 * @param location where its migrations are, {@code V1} creating it
 * @param history the Flyway history table of these migrations
 * @param laterColumns for each version after {@code V1}, in order, a column that version adds
 */
record SharedTable(String table, String location, String history, List<String> laterColumns) {

    /** The transactional outbox (platform-starter's {@code Outbox} and relay). */
    static final SharedTable OUTBOX = new SharedTable(
            "outbox_events",
            "classpath:db/shopstack/outbox",
            "flyway_history_outbox",
            List.of("claimed_by", "traceparent"));

    /** ShedLock's lock rows (scheduled jobs that run once across replicas). */
    static final SharedTable JOB_LOCKS =
            new SharedTable("shedlock", "classpath:db/shopstack/shedlock", "flyway_history_shedlock", List.of());

    /** The latest of this table's migrations that the database already has: 0 without the table. */
    int versionPresent(Connection connection) {
        Set<String> columns = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData metaData = empty.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException noSuchTable) {
            return 0;
        }
        int version = 1;
        while (version - 1 < laterColumns.size() && columns.contains(laterColumns.get(version - 1))) {
            version++;
        }
        return version;
    }
}
