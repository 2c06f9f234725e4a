package dev.shopstack.notification.events;

import dev.shopstack.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
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
    private final Clock clock;

    NotificationMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        // at zero from the start: dashboards and alerts (rate, increase) need the series before the first failure
        for (String type : ConsumedEvents.mailed().stream().map(EventType::type).toList()) {
            Counter.builder("notifications.emails.sent")
                    .description("Emails handed to the SMTP server")
                    .tag("type", type)
                    .register(registry);
            Counter.builder("notifications.emails.failed")
                    .description("Tries to send an email that failed")
                    .tag("type", type)
                    .register(registry);
        }
        for (String topic : ConsumedEvents.TOPICS) {
            Counter.builder("notifications.dead.letters")
                    .description("Records moved to a dead-letter topic")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    void sent(String type, Instant eventTime) {
        Counter.builder("notifications.emails.sent")
                .description("Emails handed to the SMTP server")
                .tag("type", type)
                .register(registry)
                .increment();
        if (eventTime != null) {
            Duration latency = Duration.between(eventTime, clock.instant());
            Timer.builder("notifications.delivery.latency")
                    .description("From the event's time to the sent email")
                    .tag("type", type)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    void failed(String type) {
        Counter.builder("notifications.emails.failed")
                .description("Tries to send an email that failed")
                .tag("type", type)
                .register(registry)
                .increment();
    }

    void deadLettered(String topic) {
        Counter.builder("notifications.dead.letters")
                .description("Records moved to a dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
