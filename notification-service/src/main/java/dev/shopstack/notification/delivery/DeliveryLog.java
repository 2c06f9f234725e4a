package dev.shopstack.notification.delivery;

import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery state machine that makes sending idempotent by event id. Each step commits on its own, so the
 * log tells the truth even when the process dies in between:
 * <ol>
 * <li>{@link #claim}: insert the row (or take an existing PENDING/FAILED one) as PENDING with attempts + 1;</li>
 * <li>send the mail;</li>
 * <li>{@link #markSent} or {@link #markFailed}.</li>
 * </ol>
 * A redelivered event whose row is SENT sends nothing. A crash between "mail accepted by SMTP" and "SENT
 * committed" leaves the row PENDING and the Kafka offset uncommitted, so the event comes back and is sent once
 * more: in that window we choose at-least-once, because a lost OTP or reset link locks a customer out while a
 * duplicate one only annoys.
 */
@Service
public class DeliveryLog {

    public enum Claim {
        SEND,
        ALREADY_HANDLED
    }

    private final DeliveryRepository deliveries;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DeliveryLog(DeliveryRepository deliveries, PlatformTransactionManager transactionManager, Clock clock) {
        this.deliveries = deliveries;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public Claim claim(String eventId, String eventType, String recipient) {
        try {
            return tx.execute(status -> {
                Delivery delivery = deliveries
                        .findByEventId(eventId)
                        .orElseGet(() -> new Delivery(eventId, eventType, recipient, clock.instant()));
                if (delivery.isDone()) {
                    return Claim.ALREADY_HANDLED;
                }
                delivery.startAttempt(clock.instant());
                deliveries.saveAndFlush(delivery);
                return Claim.SEND;
            });
        } catch (DataIntegrityViolationException concurrentCopy) {
            // the same event id was inserted by another consumer a moment ago (a duplicate record on another
            // partition or a retry topic): that consumer owns sending it, including its retries
            return Claim.ALREADY_HANDLED;
        }
    }

    public void markSent(String eventId) {
        update(eventId, delivery -> delivery.sent(clock.instant()));
    }

    public void markFailed(String eventId, String error) {
        update(eventId, delivery -> delivery.failed(error, clock.instant()));
    }

    private void update(String eventId, Consumer<Delivery> change) {
        tx.executeWithoutResult(status -> deliveries.findByEventId(eventId).ifPresent(change));
    }

    /** The log, filtered; the views are built inside the read-only transaction. */
    @Transactional(readOnly = true)
    public Page<DeliveryView> search(DeliveryStatus status, String type, String recipient, Pageable page) {
        return deliveries.search(status, type, recipient, page).map(DeliveryView::of);
    }
}
