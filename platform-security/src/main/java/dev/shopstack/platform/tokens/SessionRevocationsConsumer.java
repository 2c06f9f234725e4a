package dev.shopstack.platform.tokens;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code session-revocations} into the {@link RevocationList}. Every instance reads every record: no
 * consumer group, every partition assigned to itself, starting at the records of the last {@code horizon} (by
 * timestamp), since older ones have expired anyway. It keeps polling on its own thread; while the broker is away
 * the list keeps what it has, {@link #synced()} says whether it has caught up since start.
 */
public class SessionRevocationsConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocationsConsumer.class);
    private static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final int MAX_SESSIONS_PER_RECORD = 10_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECHECK_PARTITIONS = Duration.ofSeconds(60);

    private final Consumer<String, String> consumer;
    private final RevocationList revocations;
    private final Duration horizon;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String topic;

    private volatile boolean running = true;
    private volatile boolean synced;
    private volatile boolean brokerProblemReported;
    private Map<TopicPartition, Long> catchUpTo = Map.of();
    private Instant partitionsCheckedAt = Instant.EPOCH;

    public SessionRevocationsConsumer(
            Consumer<String, String> consumer, RevocationList revocations, Duration horizon, Clock clock) {
        this(consumer, revocations, horizon, clock, Topics.SESSION_REVOCATIONS);
    }

    SessionRevocationsConsumer(
            Consumer<String, String> consumer,
            RevocationList revocations,
            Duration horizon,
            Clock clock,
            String topic) {
        this.consumer = consumer;
        this.revocations = revocations;
        this.horizon = horizon;
        this.clock = clock;
        this.topic = topic;
    }

    /** True once every revocation that was on the topic when this instance started has been read. */
    public boolean synced() {
        return synced;
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    pollOnce();
                } catch (WakeupException stop) {
                    return;
                } catch (KafkaException | IllegalStateException e) {
                    if (!brokerProblemReported) {
                        log.warn(
                                "Cannot read {} yet ({}); tokens are checked against what is known, retrying",
                                topic,
                                e.toString());
                        brokerProblemReported = true;
                    }
                    sleep(Duration.ofSeconds(1));
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    void pollOnce() {
        Instant now = clock.instant();
        if (consumer.assignment().isEmpty() || now.isAfter(partitionsCheckedAt.plus(RECHECK_PARTITIONS))) {
            assignEveryPartition(now);
            if (consumer.assignment().isEmpty()) {
                sleep(Duration.ofSeconds(1));
                return;
            }
        }
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            apply(record);
        }
        if (!synced && caughtUp()) {
            synced = true;
            brokerProblemReported = false;
            log.info("Session revocations synced: {} revoked sessions known", revocations.size());
        }
        revocations.purgeExpired();
    }

    /** Assigns every partition (new ones too) and, for those not read before, seeks to the horizon. */
    private void assignEveryPartition(Instant now) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        partitionsCheckedAt = now;
        if (partitions.isEmpty() || consumer.assignment().containsAll(partitions)) {
            if (partitions.isEmpty() && !synced) {
                synced = true; // no topic yet: nothing has ever been revoked
                log.info("Topic {} does not exist yet; no session has been revoked", topic);
            }
            return;
        }
        List<TopicPartition> fresh = partitions.stream()
                .filter(p -> !consumer.assignment().contains(p))
                .toList();
        consumer.assign(partitions);
        long since = now.minus(horizon).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(
                fresh.stream().collect(Collectors.toMap(Function.identity(), p -> since)), METADATA_TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh, METADATA_TIMEOUT);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp start = starts.get(partition);
            consumer.seek(partition, start != null ? start.offset() : ends.get(partition));
        }
        Map<TopicPartition, Long> targets = new HashMap<>(catchUpTo);
        targets.putAll(ends);
        catchUpTo = Map.copyOf(targets);
    }

    private boolean caughtUp() {
        return catchUpTo.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().length() > MAX_RECORD_BYTES) {
            return;
        }
        try {
            JsonNode event = json.readTree(record.value());
            if (!EventTypes.USER_SESSIONS_REVOKED.equals(event.path("type").asString(""))) {
                return;
            }
            JsonNode data = event.path("data");
            Instant expiresAt = instant(data.path("expiresAt"));
            Instant latest = clock.instant().plus(horizon); // no token outlives this, whatever a record claims
            if (expiresAt == null) {
                return;
            }
            Instant until = expiresAt.isAfter(latest) ? latest : expiresAt;
            int taken = 0;
            for (JsonNode session : data.path("sessionIds")) {
                if (taken++ == MAX_SESSIONS_PER_RECORD) {
                    break;
                }
                revocations.revoke(session.asString(null), until);
            }
        } catch (JacksonException | IllegalArgumentException unreadable) {
            log.warn(
                    "Skipping an unreadable record at {}-{} offset {}",
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
    }

    /** An ISO-8601 string, or seconds since the epoch (with a fraction) as Jackson writes timestamps. */
    private static Instant instant(JsonNode value) {
        if (value.isString()) {
            return Instant.parse(value.asString());
        }
        if (value.isNumber()) {
            double seconds = value.asDouble();
            return Instant.ofEpochSecond((long) seconds, (long) ((seconds - Math.floor(seconds)) * 1e9));
        }
        return null;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
