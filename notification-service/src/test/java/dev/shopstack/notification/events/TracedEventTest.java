package dev.shopstack.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.notification.IntegrationTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** An event's email is sent in the trace of the request that caused the event (its {@code traceparent} header). */
@ExtendWith(OutputCaptureExtension.class)
class TracedEventTest extends IntegrationTestSupport {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Test
    void theEmailIsSentInTheSendersTrace(CapturedOutput output) throws Exception {
        String traceId = hex(16);
        String to = uniqueAddress("traced");
        String userId = UUID.randomUUID().toString();
        CloudEvent<UserRegistered> event = event(
                "/user-service", EventTypes.USER_REGISTERED, userId, new UserRegistered(userId, to, "traced", "Tracy"));
        var record = new ProducerRecord<>(Topics.USER_EVENTS, userId, json.writeValueAsString(event));
        record.headers().add("traceparent", ("00-" + traceId + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));

        kafka.send(record).get();

        awaitOneMail(to);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern("\\[notification-service," + traceId
                                + ",[0-9a-f]{16}\\].*Sent the email for event " + event.id()));
        assertThat(meters.get("shop.mail.send")
                        .tag("template", "mail/user-registered")
                        .timer()
                        .count())
                .isPositive();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
