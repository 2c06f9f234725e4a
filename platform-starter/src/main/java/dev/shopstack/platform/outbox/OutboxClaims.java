package dev.shopstack.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row leases on {@code outbox_events}, so that several replicas share the relaying instead of each sending every
 * event. A replica claims a batch with one conditional update ({@code claimed_by}, {@code claimed_until}), reads
 * back what it won, and sends only the rows whose older unpublished rows of the same key are all in its batch: one
 * aggregate's events leave in order even when two replicas work at once, and a burst of one aggregate's events
 * leaves in one batch rather than one row per poll. A crashed replica's lease runs out and
 * another replica takes its rows. Lease times come from the database clock ({@code LOCALTIMESTAMP(6)}, the same
 * function in H2 and MariaDB/MySQL), so skewed replica clocks cannot cut another replica's lease short.
 */
class OutboxClaims {

    record Pending(long id, String topic, String key, String type, String payload) {}

    private static final String NOW = "LOCALTIMESTAMP(6)";
    // the key's index, named: H2 otherwise picks (published_at, id) and walks every older unpublished row for each
    // candidate, which made each poll quadratic in the backlog. USE INDEX means the same in H2 and MariaDB/MySQL.
    private static final String OLDER_UNPUBLISHED_OF_KEY = "EXISTS (SELECT 1 FROM outbox_events p "
            + "USE INDEX (ix_outbox_events_key) "
            + "WHERE p.record_key = o.record_key AND p.published_at IS NULL AND p.id < o.id AND ";
    // selecting: a row waits only for an older row of its key under another instance's live lease. Older free rows
    // of the key come first in id order, so they are in the same batch: a burst for one key leaves in one poll.
    private static final String OLDER_ROW_LEASED_ELSEWHERE =
            OLDER_UNPUBLISHED_OF_KEY + "p.claimed_by <> ? AND p.claimed_until >= " + NOW + ")";
    // sending: every older unpublished row of the key must be in this instance's batch (claimed by it, lease live)
    private static final String OLDER_ROW_NOT_IN_BATCH = OLDER_UNPUBLISHED_OF_KEY
            + "(p.claimed_by IS NULL OR p.claimed_by <> ? OR p.claimed_until IS NULL OR p.claimed_until <= " + NOW
            + "))";

    /** The oldest free unpublished rows; parameters: this instance's id, the batch size. */
    static final String CANDIDATES = "SELECT o.id FROM outbox_events o WHERE o.published_at IS NULL "
            + "AND (o.claimed_until IS NULL OR o.claimed_until < " + NOW + ") "
            + "AND NOT " + OLDER_ROW_LEASED_ELSEWHERE + " ORDER BY o.id LIMIT ?";

    private final JdbcTemplate jdbc;
    private final String instanceId;
    private final Clock clock;

    OutboxClaims(JdbcTemplate jdbc, String instanceId, Clock clock) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    String instanceId() {
        return instanceId;
    }

    /**
     * Claims up to {@code limit} of the oldest free unpublished rows for {@code lease} and answers the claimed rows
     * this instance may send now, in id order. Rows it claimed but must not send yet are released again.
     */
    List<Pending> claim(int limit, Duration lease) {
        List<Long> candidates = jdbc.queryForList(CANDIDATES, Long.class, instanceId, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        // MySQL cannot read the updated table in an UPDATE's subquery: the ids are listed instead
        String ids = String.join(",", Collections.nCopies(candidates.size(), "?"));
        Object[] args = new Object[candidates.size() + 2];
        args[0] = instanceId;
        args[1] = lease.toNanos() / 1000;
        for (int i = 0; i < candidates.size(); i++) {
            args[i + 2] = candidates.get(i);
        }
        int claimed = jdbc.update(
                "UPDATE outbox_events SET claimed_by = ?, "
                        + "claimed_until = TIMESTAMPADD(MICROSECOND, ?, " + NOW + ") "
                        + "WHERE id IN (" + ids + ") AND published_at IS NULL "
                        + "AND (claimed_until IS NULL OR claimed_until < " + NOW + ")",
                args);
        if (claimed == 0) {
            return List.of();
        }
        // another replica may have claimed an older row of a key between the select and the update
        List<Pending> sendable = jdbc.query(
                "SELECT o.id, o.topic, o.record_key, o.event_type, o.payload "
                        + "FROM outbox_events o WHERE o.claimed_by = ? AND o.published_at IS NULL "
                        + "AND o.claimed_until > " + NOW + " AND NOT " + OLDER_ROW_NOT_IN_BATCH + " ORDER BY o.id",
                (rs, row) ->
                        new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                instanceId,
                instanceId);
        if (sendable.size() < claimed) {
            releaseAllBut(sendable.stream().map(Pending::id).toList());
        }
        return sendable;
    }

    /** Marks a sent row published and blanks its payload; the claim stays as a record of who sent it. */
    void published(long id) {
        // the payload is on Kafka now; blanked here so the table holds no copy of what events carry
        jdbc.update(
                "UPDATE outbox_events SET published_at = ?, payload = '' WHERE id = ?",
                Timestamp.from(clock.instant()),
                id);
    }

    /** Gives back the rows this instance claimed and did not send, for any replica to take at once. */
    void releaseUnsent() {
        releaseAllBut(List.of());
    }

    private void releaseAllBut(List<Long> kept) {
        Object[] args = new Object[kept.size() + 1];
        args[0] = instanceId;
        for (int i = 0; i < kept.size(); i++) {
            args[i + 1] = kept.get(i);
        }
        String notKept = kept.isEmpty()
                ? ""
                : " AND id NOT IN (" + String.join(",", Collections.nCopies(kept.size(), "?")) + ")";
        jdbc.update(
                "UPDATE outbox_events SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE claimed_by = ? AND published_at IS NULL" + notKept,
                args);
    }
}
