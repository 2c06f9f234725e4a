package dev.shopstack.sandbox.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.sandbox.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotent answers go after 24 hours and events after 30 days, except an event whose webhook is still pending. */
class RetentionTest extends IntegrationTestSupport {

    static final long FAR_FUTURE_MILLIS = 4_000_000_000_000L;

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldKeysAndSentEventsArePrunedPendingOnesKept() {
        jdbc.sql("INSERT INTO idempotency_keys (idem_key, request_path, request_hash, state, created_at) "
                        + "VALUES ('old-key', '/v1/refunds', 'h', 'DONE', 1000)")
                .update();
        long sent = event("evt_retention_sent", "DELIVERED");
        long pending = event("evt_retention_pending", "PENDING");

        retention.prune();

        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = 'old-key'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM events WHERE seq = " + sent)).isZero();
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries WHERE event_seq = " + sent))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM events WHERE seq = " + pending)).isOne();
        jdbc.sql("DELETE FROM events WHERE seq = ?").param(pending).update();
    }

    private long event(String id, String deliveryState) {
        jdbc.sql(
                        "INSERT INTO events (id, type, payment_intent, created, payload) VALUES (?, 'test.old', NULL, 1, '{}')")
                .params(id)
                .update();
        long seq = jdbc.sql("SELECT seq FROM events WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO webhook_deliveries (event_seq, event_id, ordering_key, state, attempts, next_attempt_at, "
                        + "created_at) VALUES (?, ?, ?, ?, 1, ?, 1000)")
                .params(seq, id, id, deliveryState, FAR_FUTURE_MILLIS)
                .update();
        return seq;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
