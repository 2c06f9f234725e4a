package dev.shopstack.notification.events;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.notification.delivery.DeliveryLog;
import dev.shopstack.notification.mail.Email;
import dev.shopstack.notification.mail.EmailComposer;
import dev.shopstack.notification.mail.Mailer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/** One event in, at most one email out, with the outcome in the delivery log (see {@link DeliveryLog}). */
@Component
class NotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(NotificationHandler.class);

    private final EventReader reader;
    private final EmailComposer composer;
    private final DeliveryLog deliveries;
    private final Mailer mailer;
    private final NotificationMetrics metrics;

    NotificationHandler(
            EventReader reader,
            EmailComposer composer,
            DeliveryLog deliveries,
            Mailer mailer,
            NotificationMetrics metrics) {
        this.reader = reader;
        this.composer = composer;
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.metrics = metrics;
    }

    /** Throws to have the record retried (or dead-lettered); returns when it is handled or needs nothing. */
    void handle(String value) {
        Optional<CloudEvent<Object>> read = reader.read(value);
        if (read.isEmpty()) {
            return;
        }
        CloudEvent<Object> event = read.get();
        Optional<Email> email = composer.compose(event);
        if (email.isEmpty()) {
            log.debug("Event {} ({}) needs no email", event.id(), event.type());
            return;
        }
        if (deliveries.claim(event.id(), event.type(), email.get().to()) == DeliveryLog.Claim.ALREADY_HANDLED) {
            log.info("Event {} ({}) was handled before; nothing sent", event.id(), event.type());
            return;
        }
        try {
            mailer.send(email.get());
        } catch (RuntimeException e) {
            deliveries.markFailed(event.id(), describe(e));
            metrics.failed(event.type());
            log.warn("Sending the email for event {} ({}) failed: {}", event.id(), event.type(), describe(e));
            throw e;
        }
        deliveries.markSent(event.id());
        metrics.sent(event.type(), event.time());
        log.info("Sent the email for event {} ({})", event.id(), event.type());
    }

    private static String describe(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause == e ? String.valueOf(e) : e.getClass().getSimpleName() + ": " + cause;
    }
}
