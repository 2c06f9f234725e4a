package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.platform.outbox.Outbox;
import dev.shopstack.platform.outbox.OutboxProperties;
import dev.shopstack.platform.outbox.OutboxRelay;
import dev.shopstack.platform.test.PublishedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several relays on one database, as replicas of order-service would run: the service's own scheduled relay and
 * two more relay instances sharing its database and the real embedded broker. Every event reaches Kafka exactly
 * once and one key's events arrive in the order they were written; rows a crashed replica had claimed are sent by
 * another replica once the lease runs out.
 */
class OutboxReplicasTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int KEYS = 20;
    private static final int PER_KEY = 10;

    @Autowired
    Outbox outbox;

    @Autowired
    KafkaOperations<String, String> kafka;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    Clock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private String topic;
    private KafkaConsumer<String, String> consumer;
    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @BeforeEach
    void freshTopic() {
        topic = "replicas-" + UUID.randomUUID();
        broker.addTopics(new NewTopic(topic, 3, (short) 1));
        consumer = PublishedEvents.fromTheStart(bootstrapServers, topic);
    }

    @AfterEach
    void stop() {
        replicas.shutdownNow();
        consumer.close();
    }

    @Test
    void threeReplicasSendEachOf200EventsOnceAndKeepEachKeysOrder() throws Exception {
        // all rows become visible at once, interleaved by key: a replica's batch of 10 holds parts of 10 keys
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < KEYS * PER_KEY; i++) {
                outbox.publish(topic, "test.sequenced", "key-" + (i % KEYS), Map.of("seq", i / KEYS));
            }
        });
        List<Future<?>> running = new ArrayList<>();
        for (String replica : List.of("replica-b", "replica-c")) {
            OutboxRelay relay = new OutboxRelay(jdbc, kafka, smallBatches(Duration.ofSeconds(30)), clock, replica);
            running.add(replicas.submit(() -> {
                while (pending() > 0 && !Thread.currentThread().isInterrupted()) {
                    relay.relay();
                }
            }));
        }

        List<ConsumerRecord<String, String>> received = readUntil(KEYS * PER_KEY, Duration.ofSeconds(30));
        for (Future<?> replica : running) {
            replica.get();
        }
        received.addAll(readUntil(1, Duration.ofSeconds(1))); // any duplicate sent late

        assertThat(received).hasSize(KEYS * PER_KEY);
        assertThat(received.stream().map(r -> envelope(r).path("id").asString()).distinct())
                .hasSize(KEYS * PER_KEY);
        Map<String, List<Integer>> seqByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : received) {
            seqByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(envelope(record).path("data").path("seq").asInt());
        }
        assertThat(seqByKey).hasSize(KEYS);
        seqByKey.forEach((key, seqs) -> assertThat(seqs).as(key).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(pending()).isZero();
        Map<String, Integer> sentBy = new LinkedHashMap<>();
        jdbc.query("SELECT claimed_by, COUNT(*) FROM outbox_events GROUP BY claimed_by ORDER BY claimed_by", rs -> {
            sentBy.put(rs.getString(1), rs.getInt(2));
        });
        System.out.println("outbox rows sent per relay instance: " + sentBy);
    }

    @Test
    void aBurstOfFiftyEventsForOneKeyLeavesInAtMostTwoPollsInOrder() {
        tx.executeWithoutResult(status -> {
            for (int seq = 0; seq < 50; seq++) {
                outbox.publish(topic, "test.sequenced", "busy-order", Map.of("seq", seq));
            }
        });
        long committed = System.nanoTime();

        List<ConsumerRecord<String, String>> received = readUntil(50, Duration.ofSeconds(30));
        long drainedMillis = Duration.ofNanos(System.nanoTime() - committed).toMillis();
        received.addAll(readUntil(1, Duration.ofSeconds(1)));

        assertThat(received)
                .extracting(r -> envelope(r).path("data").path("seq").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        // one claiming poll stamps its whole batch with one lease: distinct leases = polls that sent the burst
        Integer polls = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT CONCAT(claimed_by, '@', claimed_until)) "
                        + "FROM outbox_events WHERE record_key = 'busy-order'",
                Integer.class);
        System.out.println(
                "burst of 50 events for one key: " + polls + " poll(s), received after " + drainedMillis + " ms");
        assertThat(polls).isBetween(1, 2);
    }

    @Test
    void rowsClaimedByACrashedReplicaAreSentByAnotherOnceTheLeaseRunsOut() {
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> {
            for (int seq = 0; seq < 5; seq++) {
                outbox.publish(topic, "test.sequenced", "crashed-key", Map.of("seq", seq));
            }
            outbox.publish(topic, "test.sequenced", "free-key", Map.of("seq", 0));
            // what a replica leaves behind when it is killed after claiming and before sending
            jdbc.update("UPDATE outbox_events SET claimed_by = 'crashed-replica', "
                    + "claimed_until = TIMESTAMPADD(MICROSECOND, 3000000, LOCALTIMESTAMP(6)) "
                    + "WHERE record_key = 'crashed-key'");
        });

        List<ConsumerRecord<String, String>> first = readUntil(1, Duration.ofSeconds(10));
        assertThat(first).extracting(ConsumerRecord::key).containsExactly("free-key");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_events WHERE record_key = 'crashed-key' "
                                + "AND published_at IS NULL",
                        Integer.class))
                .isEqualTo(5);

        List<ConsumerRecord<String, String>> recovered = readUntil(5, Duration.ofSeconds(15));
        recovered.addAll(readUntil(1, Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(recovered).extracting(ConsumerRecord::key).containsOnly("crashed-key");
        assertThat(recovered)
                .extracting(r -> envelope(r).path("data").path("seq").asInt())
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT claimed_by FROM outbox_events WHERE record_key = 'crashed-key'", String.class))
                .singleElement()
                .asString()
                .startsWith("order-service/");
    }

    private OutboxProperties smallBatches(Duration lease) {
        return new OutboxProperties(true, Duration.ofMillis(50), 10, Duration.ofSeconds(5), Duration.ofDays(7), lease);
    }

    private int pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL", Integer.class);
    }

    private List<ConsumerRecord<String, String>> readUntil(int count, Duration atMost) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static JsonNode envelope(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }
}
