package dev.shopstack.sandbox.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook queue: one row per event to send, {@code PENDING} until the endpoint answers 2xx ({@code DELIVERED}),
 * it is given up ({@code FAILED}) or a test drops it ({@code DISCARDED}).
 */
@Repository
public class WebhookDeliveries {

    /** A delivery ready to be attempted, with the exact payload to send. */
    public record Due(long id, String eventId, int attempts, Instant createdAt, String payload) {}

    /** One row as the test hooks show it. */
    public record View(
            String eventId,
            String type,
            String paymentIntent,
            String state,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt) {}

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Pending deliveries that are the oldest pending of their PaymentIntent (a later event never overtakes an
     * earlier one), due by {@code now} unless {@code now} is null, oldest first.
     */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT d.id, d.event_id, d.attempts, d.created_at, e.payload FROM webhook_deliveries d "
                        + "JOIN events e ON e.seq = d.event_seq WHERE d.state = 'PENDING' "
                        + (now == null ? "" : "AND d.next_attempt_at <= :now ")
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.ordering_key = d.ordering_key "
                        + "AND o.state = 'PENDING' AND o.id < d.id) ORDER BY d.id LIMIT :limit")
                .params(now == null ? Map.of("limit", limit) : Map.of("now", now.toEpochMilli(), "limit", limit))
                .query((rs, row) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5)))
                .list();
    }

    public void delivered(long id, int status, Instant at) {
        jdbc.sql("UPDATE webhook_deliveries SET state = 'DELIVERED', attempts = attempts + 1, last_status = ?, "
                        + "last_error = NULL, last_attempt_at = ? WHERE id = ?")
                .params(status, at.toEpochMilli(), id)
                .update();
    }

    /** Records a failed attempt; {@code next} null gives the delivery up. */
    public void failed(long id, Integer status, String error, Instant at, Instant next) {
        jdbc.sql("UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?, "
                        + "last_attempt_at = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?")
                .params(
                        next == null ? "FAILED" : "PENDING",
                        status,
                        error,
                        at.toEpochMilli(),
                        next == null ? null : next.toEpochMilli(),
                        id)
                .update();
    }

    /** Drops pending deliveries (all, or one PaymentIntent's): "the webhook was lost". */
    public int discard(String paymentIntent) {
        return jdbc.sql("UPDATE webhook_deliveries SET state = 'DISCARDED' WHERE state = 'PENDING'"
                        + (paymentIntent == null ? "" : " AND ordering_key = :key"))
                .params(paymentIntent == null ? Map.of() : Map.of("key", paymentIntent))
                .update();
    }

    /** Queues an event again, as Stripe's "resend": the same event id, signed anew. */
    public boolean resend(String eventId, Instant now) {
        return jdbc.sql("INSERT INTO webhook_deliveries (event_seq, event_id, ordering_key, state, attempts, "
                                + "next_attempt_at, created_at) SELECT seq, id, COALESCE(payment_intent, id), 'PENDING', 0, "
                                + ":now, :now FROM events WHERE id = :id")
                        .params(Map.of("now", now.toEpochMilli(), "id", eventId))
                        .update()
                > 0;
    }

    public int pending() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'PENDING'")
                .query(Integer.class)
                .single();
    }

    public List<View> latest(String paymentIntent, int limit) {
        return jdbc.sql("SELECT d.event_id, e.type, e.payment_intent, d.state, d.attempts, d.last_status, "
                        + "d.last_error, d.next_attempt_at FROM webhook_deliveries d JOIN events e ON e.seq = "
                        + "d.event_seq" + (paymentIntent == null ? "" : " WHERE d.ordering_key = :key")
                        + " ORDER BY d.id DESC LIMIT :limit")
                .params(paymentIntent == null ? Map.of("limit", limit) : Map.of("key", paymentIntent, "limit", limit))
                .query((rs, row) -> new View(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getObject(6, Integer.class),
                        rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8))))
                .list();
    }
}
