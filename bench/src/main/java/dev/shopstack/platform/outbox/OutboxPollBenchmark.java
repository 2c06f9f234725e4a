package dev.shopstack.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The outbox relay's candidate query (one poll's first statement) over a backlog of unpublished events, one key
 * each as order events are, beside 3,000 published ones: with the key's index named, as shipped, and without the
 * hint, as before. In this
 * package because the query is package-private in platform-starter; H2 in MySQL mode, as the local profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class OutboxPollBenchmark {

    private static final String HINT = "USE INDEX (ix_outbox_events_key) ";

    /** Published events the table keeps for its retention (7 days by default), as a running service's does. */
    private static final int PUBLISHED = 3000;

    @Param({"100", "1000", "3000"})
    int backlog;

    @Param({"true", "false"})
    boolean keyIndexNamed;

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private String query;

    @Setup(Level.Trial)
    public void backlog() {
        dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:outbox-" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "sa",
                "",
                true);
        var migrations = new ResourceDatabasePopulator();
        for (String version : List.of("V1__outbox_events", "V2__outbox_row_leases", "V3__outbox_traceparent")) {
            migrations.addScript(new ClassPathResource("db/shopstack/outbox/" + version + ".sql"));
        }
        migrations.execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        write(PUBLISHED, true);
        write(backlog, false);
        if (!OutboxClaims.CANDIDATES.contains(HINT)) {
            throw new IllegalStateException(
                    "The candidate query no longer names the key's index: update this benchmark");
        }
        query = keyIndexNamed ? OutboxClaims.CANDIDATES : OutboxClaims.CANDIDATES.replace(HINT, "");
    }

    /**
     * {@code count} events with a key each. Published ones get their own publication time, as the relay writes it:
     * H2's statistics (and so its plan) depend on how varied {@code published_at} is.
     */
    private void write(int count, boolean published) {
        for (int i = 0; i < count; i++) {
            jdbc.update(
                    "INSERT INTO outbox_events (event_id, topic, record_key, event_type, payload, created_at, "
                            + "published_at) VALUES (?, 'order-events', ?, 'order.placed', '{}', ?, ?)",
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    Timestamp.from(Instant.now()),
                    published ? Timestamp.from(Instant.now()) : null);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.destroy();
    }

    @Benchmark
    public List<Long> candidates() {
        return jdbc.queryForList(query, Long.class, "relay-a", 100);
    }
}
