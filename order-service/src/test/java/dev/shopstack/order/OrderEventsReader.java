package dev.shopstack.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

/** Reads what order-service really published on the broker's order-events topic. */
public final class OrderEventsReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Event(String key, JsonNode envelope, Map<String, String> headers) {

        public String type() {
            return envelope.path("type").asString();
        }

        public JsonNode data() {
            return envelope.path("data");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public OrderEventsReader(String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of("order-events"));
    }

    /** Waits for the event of this type about this order. */
    public Event await(String type, Object orderId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ZERO)
                .until(() -> find(type, orderId.toString()), found -> found != null);
    }

    /** Everything seen so far (after a short poll) about this order. */
    public List<Event> all(Object orderId) {
        poll();
        return seen.stream().filter(e -> orderId.toString().equals(e.key())).toList();
    }

    private Event find(String type, String orderId) {
        poll();
        return seen.stream().filter(e -> e.type().equals(type) && orderId.equals(e.key())).reduce((a, b) -> b)
                .orElse(null);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            seen.add(new Event(r.key(), JSON.readTree(r.value()), headers));
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
