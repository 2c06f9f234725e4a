package dev.shopstack.notification.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics: the record stays there for an operator (see docs/operations.md); this only
 * makes it visible in the log and the metrics. Never logs the value: it may hold an OTP or a reset link.
 */
@Component(DeadLetterHandler.BEAN_NAME)
class DeadLetterHandler {

    static final String BEAN_NAME = "notificationDeadLetterHandler";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final NotificationMetrics metrics;

    DeadLetterHandler(NotificationMetrics metrics) {
        this.metrics = metrics;
    }

    public void onDeadLetter(ConsumerRecord<String, String> record) {
        String originalTopic = header(record, KafkaHeaders.ORIGINAL_TOPIC);
        log.error(
                "Gave up on a record from {} (key {}), now on {}: {}: {}",
                originalTopic,
                record.key(),
                record.topic(),
                header(record, KafkaHeaders.EXCEPTION_CAUSE_FQCN),
                header(record, KafkaHeaders.EXCEPTION_MESSAGE));
        metrics.deadLettered(originalTopic);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
