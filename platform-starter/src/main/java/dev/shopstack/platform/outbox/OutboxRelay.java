package dev.shopstack.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends outbox events to Kafka in the order they were written and marks them published. When the broker is
 * down it stops at the first failure, keeps the order, and tries again with a growing pause (up to 10 s).
 * Delivery is at least once: a crash between send and mark, or two replicas relaying at once, can send an event
 * twice, which is why consumers deduplicate by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private record Pending(long id, String topic, String key, String type, String payload) {
    }

    private final JdbcTemplate jdbc;
    private final KafkaOperations<String, String> kafka;
    private final OutboxProperties properties;
    private Instant pausedUntil = Instant.EPOCH;
    private Duration pause = Duration.ZERO;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcTemplate jdbc, KafkaOperations<String, String> kafka, OutboxProperties properties) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${shop.outbox.poll-interval:100ms}")
    public synchronized void relay() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        List<Pending> batch = jdbc.query(
                "SELECT id, topic, record_key, event_type, payload FROM outbox_events "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT ?",
                (rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                properties.batchSize());
        for (Pending event : batch) {
            if (!send(event)) {
                return;
            }
            jdbc.update("UPDATE outbox_events SET published_at = ? WHERE id = ?",
                    Timestamp.from(Instant.now()), event.id());
        }
        if (!batch.isEmpty() && pause.compareTo(Duration.ZERO) > 0) {
            log.info("Kafka reachable again; outbox is draining");
            pause = Duration.ZERO;
        }
        deletePublishedNowAndThen();
    }

    private boolean send(Pending event) {
        var record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            pause = pause.isZero() ? Duration.ofMillis(500) : min(pause.multipliedBy(2), MAX_PAUSE);
            pausedUntil = Instant.now().plus(pause);
            log.warn("Cannot publish outbox event {} to {} ({}); retrying in {} ms", event.id(), event.topic(),
                    e.getClass().getSimpleName(), pause.toMillis());
            return false;
        }
    }

    private void deletePublishedNowAndThen() {
        Instant now = Instant.now();
        if (now.isBefore(lastCleanup.plus(Duration.ofHours(1)))) {
            return;
        }
        lastCleanup = now;
        jdbc.update("DELETE FROM outbox_events WHERE published_at < ?",
                Timestamp.from(now.minus(properties.retention())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
