package dev.shopstack.platform.outbox;

import dev.shopstack.platform.outbox.OutboxClaims.Pending;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Sends outbox events to Kafka in the order they were written, marks them published and blanks their payload
 * (reset tokens and personal data must not linger in the table for its retention). Each poll first claims a batch
 * with a row lease ({@link OutboxClaims}), so replicas share the work and each event is sent by one of them; one
 * key's events stay in order across replicas. When the broker is down it stops at the first failure, gives its
 * claim back, keeps the order, and tries again with a growing pause (up to 10 s). Delivery is at least once: a crash
 * between send and mark, or a lease that ran out mid-send, can send an event twice, which is why consumers
 * deduplicate by event id. Each send continues the trace of the request that wrote the event ({@link OutboxTracing}).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private final OutboxClaims claims;
    private final JdbcTemplate jdbc;
    private final KafkaOperations<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final OutboxTracing tracing;
    private Instant pausedUntil = Instant.EPOCH;
    private Duration pause = Duration.ZERO;
    private Instant lastCleanup = Instant.EPOCH;

    /** @param instanceId this relay's name in {@code claimed_by}: unique per process (a restart is a new one) */
    public OutboxRelay(
            JdbcTemplate jdbc,
            KafkaOperations<String, String> kafka,
            OutboxProperties properties,
            Clock clock,
            String instanceId) {
        this(jdbc, kafka, properties, clock, instanceId, OutboxTracing.none());
    }

    OutboxRelay(
            JdbcTemplate jdbc,
            KafkaOperations<String, String> kafka,
            OutboxProperties properties,
            Clock clock,
            String instanceId,
            OutboxTracing tracing) {
        this.claims = new OutboxClaims(jdbc, instanceId, clock);
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.tracing = tracing;
    }

    @Scheduled(fixedDelayString = "${shop.outbox.poll-interval:100ms}")
    public synchronized void relay() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        long claimedAt = System.nanoTime();
        List<Pending> batch = claims.claim(properties.batchSize(), properties.lease());
        Map<Long, String> traceparents = traceparents(batch);
        for (Pending event : batch) {
            // past half the lease another replica may soon take these rows: stop rather than race it
            if (System.nanoTime() - claimedAt > properties.lease().toNanos() / 2
                    || !send(event, traceparents.get(event.id()))) {
                claims.releaseUnsent();
                return;
            }
            claims.published(event.id());
        }
        if (!batch.isEmpty() && pause.compareTo(Duration.ZERO) > 0) {
            log.info("Kafka reachable again; outbox is draining");
            pause = Duration.ZERO;
        }
        deletePublishedNowAndThen();
    }

    /** The stored trace of each claimed row, read apart from the claim so the claim's query stays about leases. */
    private Map<Long, String> traceparents(List<Pending> batch) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> traceparents = new HashMap<>();
        String ids = String.join(",", Collections.nCopies(batch.size(), "?"));
        jdbc.query(
                "SELECT id, traceparent FROM outbox_events WHERE traceparent IS NOT NULL AND id IN (" + ids + ")",
                rs -> {
                    traceparents.put(rs.getLong(1), rs.getString(2));
                },
                batch.stream().map(Pending::id).toArray());
        return traceparents;
    }

    private boolean send(Pending event, String traceparent) {
        var record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        Span span = tracing.startSend(traceparent, event.topic(), record.headers());
        try {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (span != null) {
                span.error(e);
            }
            pause = pause.isZero() ? Duration.ofMillis(500) : min(pause.multipliedBy(2), MAX_PAUSE);
            pausedUntil = clock.instant().plus(pause);
            log.warn(
                    "Cannot publish outbox event {} to {} ({}); retrying in {} ms",
                    event.id(),
                    event.topic(),
                    e.getClass().getSimpleName(),
                    pause.toMillis());
            return false;
        } finally {
            if (span != null) {
                span.end();
            }
        }
    }

    private void deletePublishedNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(lastCleanup.plus(Duration.ofHours(1)))) {
            return;
        }
        lastCleanup = now;
        jdbc.update(
                "DELETE FROM outbox_events WHERE published_at < ?", Timestamp.from(now.minus(properties.retention())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
