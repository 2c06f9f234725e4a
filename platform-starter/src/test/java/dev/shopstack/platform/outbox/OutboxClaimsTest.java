package dev.shopstack.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.outbox.OutboxClaims.Pending;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Row leases of two relay instances on one H2 database in MySQL mode (the table and indexes of the starter's
 * migrations): a burst of one key's events is claimed in one or two batches in order, a key whose older row another
 * live instance holds waits for it, rows of a crashed instance are taken over once its lease has run out, and the
 * older-row check looks up its key.
 */
class OutboxClaimsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private JdbcTemplate jdbc;
    private OutboxClaims a;
    private OutboxClaims b;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:outbox-" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                ""));
        // the table and indexes as shipped: the plan of the claim's queries depends on them
        var migrations = new ResourceDatabasePopulator();
        for (String version : List.of("V1__outbox_events", "V2__outbox_row_leases", "V3__outbox_traceparent")) {
            migrations.addScript(new ClassPathResource("db/shopstack/outbox/" + version + ".sql"));
        }
        migrations.execute(jdbc.getDataSource());
        a = new OutboxClaims(jdbc, "relay-a", Clock.systemUTC());
        b = new OutboxClaims(jdbc, "relay-b", Clock.systemUTC());
    }

    @Test
    void theOlderRowCheckLooksUpItsKeyInsteadOfWalkingTheWholeBacklog() {
        write("order-1", 3);

        String plan = jdbc.queryForObject("EXPLAIN " + OutboxClaims.CANDIDATES, String.class, "relay-a", 100);

        // the subquery's index comment: the key's index, with the key among its conditions
        assertThat(plan).containsPattern("ix_outbox_events_key: [^*]*record_key = o.record_key");
    }

    @Test
    void aBurstOfFiftyEventsForOneKeyLeavesInOneBatchInOrder() {
        List<Long> burst = write("order-1", 50);
        long other = write("order-2", 1).get(0);

        List<Pending> batch = a.claim(100, LEASE);

        assertThat(batch)
                .extracting(Pending::id)
                .containsSubsequence(burst)
                .contains(other)
                .hasSize(51);
        assertThat(batch.stream().filter(p -> p.key().equals("order-1")).map(Pending::id))
                .containsExactlyElementsOf(burst);
        assertThat(b.claim(100, LEASE)).as("nothing left for the other relay").isEmpty();
    }

    @Test
    void withBatchesOfThirtyTheBurstTakesTwoPollsAndKeepsItsOrder() {
        List<Long> burst = write("order-1", 50);

        List<Long> sent = new ArrayList<>();
        int polls = 0;
        List<Pending> batch;
        while (!(batch = a.claim(30, LEASE)).isEmpty()) {
            polls++;
            batch.forEach(p -> {
                sent.add(p.id());
                a.published(p.id());
            });
        }

        assertThat(polls).isEqualTo(2);
        assertThat(sent).containsExactlyElementsOf(burst);
    }

    @Test
    void rowsOfAKeyWaitWhileAnotherRelayHoldsAnOlderRowOfIt() {
        List<Long> firstPart = write("order-1", 10);
        List<Pending> heldByA = a.claim(10, LEASE);
        List<Long> secondPart = write("order-1", 5);
        long otherKey = write("order-2", 1).get(0);

        assertThat(heldByA).extracting(Pending::id).containsExactlyElementsOf(firstPart);
        assertThat(b.claim(100, LEASE))
                .as("order-1 waits for relay-a")
                .extracting(Pending::id)
                .containsExactly(otherKey);
        b.published(otherKey);

        heldByA.forEach(p -> a.published(p.id()));
        assertThat(b.claim(100, LEASE)).extracting(Pending::id).containsExactlyElementsOf(secondPart);
    }

    @Test
    void aCrashedRelaysRowsAreTakenOverInOrderOnceItsLeaseHasRunOut() {
        List<Long> rows = write("order-1", 5);
        // relay-c claimed them and died; its lease ran out a moment ago
        jdbc.update("UPDATE outbox_events SET claimed_by = 'relay-c', "
                + "claimed_until = TIMESTAMPADD(MICROSECOND, -1000, LOCALTIMESTAMP(6))");
        List<Long> later = write("order-1", 3);

        List<Pending> batch = a.claim(100, LEASE);

        List<Long> all = new ArrayList<>(rows);
        all.addAll(later);
        assertThat(batch).extracting(Pending::id).containsExactlyElementsOf(all);
    }

    @Test
    void aLiveLeaseOfACrashedRelayHoldsItsKeyButNotOthers() {
        write("order-1", 3);
        jdbc.update("UPDATE outbox_events SET claimed_by = 'relay-c', "
                + "claimed_until = TIMESTAMPADD(MICROSECOND, 30000000, LOCALTIMESTAMP(6))");
        write("order-1", 2);
        List<Long> free = write("order-2", 2);

        assertThat(a.claim(100, LEASE)).extracting(Pending::id).containsExactlyElementsOf(free);
    }

    @Test
    void rowsNotSentAreGivenBackForAnyRelay() {
        List<Long> rows = write("order-1", 4);
        a.claim(100, LEASE);

        a.releaseUnsent();

        assertThat(b.claim(100, LEASE)).extracting(Pending::id).containsExactlyElementsOf(rows);
    }

    private List<Long> write(String key, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jdbc.update(
                    "INSERT INTO outbox_events (event_id, topic, record_key, event_type, payload, created_at) "
                            + "VALUES (?, 'order-events', ?, 'test.sequenced', ?, LOCALTIMESTAMP(6))",
                    UUID.randomUUID().toString(),
                    key,
                    "{\"seq\":" + i + "}");
            ids.add(jdbc.queryForObject("SELECT MAX(id) FROM outbox_events", Long.class));
        }
        return ids;
    }
}
