package dev.shopstack.notification.events;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code notifications.emails.sent} and {@code notifications.emails.failed} (each failed try) by event type,
 * {@code notifications.delivery.latency} from the event's {@code time} to the hand-over to SMTP (a histogram,
 * so p95/p99 can be computed across instances), {@code notifications.dead.letters} by original topic.
 */
@Component
class NotificationMetrics {

    private final MeterRegistry registry;

    /** The event types that become an email. */
    private static final List<String> MAILED_TYPES = List.of(EventTypes.USER_REGISTERED,
            EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, EventTypes.USER_PASSWORD_RESET_REQUESTED,
            EventTypes.USER_PASSWORD_CHANGED, EventTypes.ORDER_PLACED, EventTypes.ORDER_STATUS_CHANGED,
            EventTypes.ORDER_CANCELLED);

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        // at zero from the start: dashboards and alerts (rate, increase) need the series before the first failure
        for (String type : MAILED_TYPES) {
            Counter.builder("notifications.emails.sent").description("Emails handed to the SMTP server")
                    .tag("type", type).register(registry);
            Counter.builder("notifications.emails.failed").description("Tries to send an email that failed")
                    .tag("type", type).register(registry);
        }
        for (String topic : List.of(Topics.USER_EVENTS, Topics.ORDER_EVENTS)) {
            Counter.builder("notifications.dead.letters").description("Records moved to a dead-letter topic")
                    .tag("topic", topic).register(registry);
        }
    }

    void sent(String type, Instant eventTime) {
        Counter.builder("notifications.emails.sent").description("Emails handed to the SMTP server")
                .tag("type", type).register(registry).increment();
        if (eventTime != null) {
            Duration latency = Duration.between(eventTime, Instant.now());
            Timer.builder("notifications.delivery.latency").description("From the event's time to the sent email")
                    .tag("type", type).publishPercentileHistogram()
                    .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    void failed(String type) {
        Counter.builder("notifications.emails.failed").description("Tries to send an email that failed")
                .tag("type", type).register(registry).increment();
    }

    void deadLettered(String topic) {
        Counter.builder("notifications.dead.letters").description("Records moved to a dead-letter topic")
                .tag("topic", topic).register(registry).increment();
    }
}
