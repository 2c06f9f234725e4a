package dev.shopstack.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what user-service really published on the broker's user-events and session-revocations topics. */
public final class UserEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Event(String topic, String key, JsonNode envelope, String rawValue) {

        public String type() {
            return envelope.path("type").asString();
        }

        public JsonNode data() {
            return envelope.path("data");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public UserEvents(String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of("user-events", "session-revocations"));
    }

    /** Waits for the event of this type about this user. */
    public Event await(String type, String userId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ZERO)
                .until(() -> find(type, userId), found -> found != null);
    }

    /** Everything seen so far (after a short poll) of this type about this user. */
    public List<Event> all(String type, String userId) {
        poll();
        return seen.stream().filter(e -> e.type().equals(type) && userId.equals(e.key())).toList();
    }

    private Event find(String type, String userId) {
        poll();
        return seen.stream().filter(e -> e.type().equals(type) && userId.equals(e.key())).reduce((a, b) -> b)
                .orElse(null);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200))
                .forEach(r -> seen.add(new Event(r.topic(), r.key(), JSON.readTree(r.value()), r.value())));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
