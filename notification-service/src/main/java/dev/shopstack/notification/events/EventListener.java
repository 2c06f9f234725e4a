package dev.shopstack.notification.events;

import dev.shopstack.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes both event topics (consumer group from {@code spring.kafka.consumer.group-id}). Values arrive as
 * strings so that a record that is not JSON reaches {@link EventReader} and becomes a dead letter instead of
 * failing in the deserializer.
 */
@Component
class EventListener {

    private final NotificationHandler handler;

    EventListener(NotificationHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(topics = {Topics.USER_EVENTS, Topics.ORDER_EVENTS})
    void onEvent(ConsumerRecord<String, String> record) {
        handler.handle(record.value());
    }
}
