package dev.shopstack.sandbox.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers kept per {@code Idempotency-Key}: claimed before the request runs, completed or released after. */
@Repository
public class IdempotencyStore {

    /** A claim left by a request that never finished (the process died) is taken over after this long. */
    static final Duration ABANDONED = Duration.ofMinutes(1);

    /** What the first request with a key left behind; {@code status} is null while it still runs. */
    public record Kept(String path, String hash, Integer status, String body, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for a new request; answers empty when claimed, else what the key already holds. */
    public Optional<Kept> claim(String key, String path, String hash) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql("INSERT INTO idempotency_keys (idem_key, request_path, request_hash, state, created_at) "
                                + "VALUES (?, ?, ?, 'RUNNING', ?)")
                        .params(key, path, hash, clock.millis())
                        .update();
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                Optional<Kept> kept = find(key);
                if (kept.isEmpty()) {
                    continue; // released between the two statements
                }
                boolean abandoned = kept.get().status() == null
                        && kept.get().createdAt().isBefore(clock.instant().minus(ABANDONED));
                if (!abandoned) {
                    return kept;
                }
                jdbc.sql("DELETE FROM idempotency_keys WHERE idem_key = ? AND state = 'RUNNING'")
                        .param(key)
                        .update();
            }
        }
        return find(key);
    }

    public void complete(String key, int status, String body) {
        jdbc.sql(
                        "UPDATE idempotency_keys SET state = 'DONE', response_status = ?, response_body = ? WHERE idem_key = ?")
                .params(status, body, key)
                .update();
    }

    /** Forgets a key whose request was refused before it changed anything, so a corrected retry may use it. */
    public void release(String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE idem_key = ?").param(key).update();
    }

    public int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
                .param(cutoff.toEpochMilli())
                .update();
    }

    private Optional<Kept> find(String key) {
        return jdbc.sql("SELECT request_path, request_hash, response_status, response_body, created_at "
                        + "FROM idempotency_keys WHERE idem_key = ?")
                .param(key)
                .query((rs, row) -> new Kept(
                        rs.getString(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))))
                .optional();
    }
}
