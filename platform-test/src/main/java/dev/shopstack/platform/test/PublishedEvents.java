package dev.shopstack.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a service really published on a broker's topics, from the beginning, and checks every record against
 * the events contract ({@link EventContract}): the first record that breaks it fails the test, and every later call,
 * so a retrying caller cannot miss it.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventContract CONTRACT = EventContract.load();

    /** One record as it was read: its value parsed, its headers UTF-8 decoded. */
    public record Event(String topic, String key, JsonNode envelope, String rawValue, Map<String, String> headers) {

        public String type() {
            return envelope.path("type").asString();
        }

        public JsonNode data() {
            return envelope.path("data");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();
    private AssertionError broken;

    /** Subscribes a consumer group of its own to these topics, each one a channel of the contract. */
    public PublishedEvents(String bootstrapServers, String... topics) {
        for (String topic : topics) {
            if (!CONTRACT.topics().contains(topic)) {
                throw new IllegalArgumentException(topic + " is not a channel of " + EventContract.DOCUMENT);
            }
        }
        consumer = fromTheStart(bootstrapServers, topics);
    }

    /**
     * A consumer of raw string records in a group of its own, subscribed to these topics from their first record; for
     * topics outside the contract, such as a test's own or a dead-letter topic.
     */
    public static KafkaConsumer<String, String> fromTheStart(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
        var consumer = new KafkaConsumer<String, String>(props);
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** Waits for an event of this type with this key (the aggregate id), and answers the latest one. */
    public Event await(String type, Object key) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ZERO)
                .until(
                        () -> latest(
                                e -> e.type().equals(type) && key.toString().equals(e.key())),
                        found -> found != null);
    }

    /** Everything seen so far (after a short poll) of this type with this key. */
    public List<Event> all(String type, Object key) {
        return all(key).stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Everything seen so far (after a short poll) with this key, in the order it was read. */
    public List<Event> all(Object key) {
        poll();
        return seen.stream().filter(e -> key.toString().equals(e.key())).toList();
    }

    private Event latest(Predicate<Event> wanted) {
        poll();
        return seen.stream().filter(wanted).reduce((a, b) -> b).orElse(null);
    }

    private void poll() {
        if (broken != null) {
            throw broken;
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> {
                if (h.value() != null) {
                    headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
            });
            try {
                CONTRACT.assertMatches(r.topic(), r.key(), headers, r.value());
            } catch (AssertionError e) {
                broken = e;
                throw e;
            }
            seen.add(new Event(r.topic(), r.key(), JSON.readTree(r.value()), r.value(), Map.copyOf(headers)));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
