package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.order.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from the HTTP request through the outbox and Kafka to the consumer, with the real tracer: the event of
 * a traced request leaves with the request's trace id, and a consumer's work logs under the sender's trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracedEventsApiTest extends IntegrationTestSupport {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void theEventOfATracedRequestCarriesTheRequestsTrace() {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        var response = mvc.post()
                .uri("/api/orders")
                .header("Authorization", bearer(UUID.randomUUID()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(BOOK, 1))
                .exchange();
        assertThat(response).hasStatus(HttpStatus.CREATED);
        UUID order = UUID.fromString(read(response, "$.id"));

        assertThat(jdbc.queryForObject(
                        "SELECT traceparent FROM outbox_events WHERE record_key = ?", String.class, order.toString()))
                .startsWith("00-" + traceId + "-")
                .doesNotContain(callerSpan);
        var placed = events().await("order.placed", order);
        // the relay's send span: same trace, a span of its own, sampled as the request was
        assertThat(placed.headers().get("traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(callerSpan);
    }

    @Test
    void anEventWrittenOutsideATraceLeavesWithoutOne() {
        // a row as a job writes it: no traceparent column
        String order = UUID.randomUUID().toString();
        var event = CloudEvent.of(
                "/order-service",
                EventTypes.ORDER_CANCELLED,
                order,
                new OrderCancelled(
                        order,
                        UUID.randomUUID().toString(),
                        "ada@example.test",
                        "not paid within 14 minutes",
                        Instant.now()));
        jdbc.update(
                "INSERT INTO outbox_events (event_id, topic, record_key, event_type, payload, created_at) "
                        + "VALUES (?, 'order-events', ?, ?, ?, ?)",
                event.id(),
                order,
                event.type(),
                json.writeValueAsString(event),
                Timestamp.from(event.time()));
        var untraced = events().await(EventTypes.ORDER_CANCELLED, order);
        assertThat(untraced.headers()).containsKey("ce_type").doesNotContainKey("traceparent");
    }

    @Test
    void theConsumerContinuesTheSendersTrace(CapturedOutput output) throws Exception {
        String traceId = randomHex(16);
        UUID user = UUID.randomUUID();
        place(user, BOOK, 1);
        var event = CloudEvent.of(
                "/user-service",
                EventTypes.USER_DELETED,
                user.toString(),
                new UserDeleted(user.toString(), Instant.now()));
        var record = new ProducerRecord<>("user-events", user.toString(), json.writeValueAsString(event));
        record.headers()
                .add("traceparent", ("00-" + traceId + "-" + randomHex(8) + "-01").getBytes(StandardCharsets.UTF_8));

        kafka.send(record).get();

        // the listener logs inside its consumer span: [order-service,<traceId>,<spanId>]
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern("\\[order-service," + traceId + ",[0-9a-f]{16}\\].*user\\.deleted "
                                + event.id() + ": anonymized 1 order"));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
