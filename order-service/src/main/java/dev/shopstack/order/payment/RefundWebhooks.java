package dev.shopstack.order.payment;

import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code charge.refunded}: something about the payment's refunds changed at the provider. Its amount is no proof
 * of which refund finished (the provider counts pending refunds in it), so each refund of the order the provider
 * accepted and has not confirmed yet is looked up there and its own status applied, the way {@link RefundSender}
 * applies an answer. The event id is recorded first, so a redelivery is a no-op; a crash after that costs nothing,
 * as the sender's job keeps asking about those refunds.
 */
@Component
class RefundWebhooks {

    private static final Logger log = LoggerFactory.getLogger(RefundWebhooks.class);

    private final OrderRepository orders;
    private final RefundLedger ledger;
    private final RefundSender sender;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    RefundWebhooks(
            OrderRepository orders,
            RefundLedger ledger,
            RefundSender sender,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.sender = sender;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    CardPaymentWebhooks.Outcome chargeRefunded(PaymentProvider.Event event) {
        record Unconfirmed(UUID orderId, UUID refundId, String providerRefundId) {}
        List<Unconfirmed> toCheck;
        try {
            toCheck = tx.execute(status -> {
                if (!record(event)) {
                    return null;
                }
                Optional<UUID> orderId =
                        orders.findByCardPaymentIntentId(event.intentId()).map(Order::getId);
                if (orderId.isEmpty()) {
                    log.warn("Refund of {} for no known order (event {})", event.intentId(), event.id());
                    return List.<Unconfirmed>of();
                }
                return ledger.of(orderId.get()).stream()
                        .filter(r -> r.getStatus() == Refund.Status.REQUESTED && r.getProviderRefundId() != null)
                        .map(r -> new Unconfirmed(orderId.get(), r.getId(), r.getProviderRefundId()))
                        .toList();
            });
        } catch (DataIntegrityViolationException sameEventAtOnce) {
            return CardPaymentWebhooks.Outcome.DUPLICATE;
        }
        if (toCheck == null) {
            return CardPaymentWebhooks.Outcome.DUPLICATE;
        }
        boolean applied = false;
        for (Unconfirmed refund : toCheck) { // outside the transaction: each is a call to the provider
            applied |= sender.refresh(refund.orderId(), refund.refundId(), refund.providerRefundId());
        }
        return applied ? CardPaymentWebhooks.Outcome.APPLIED : CardPaymentWebhooks.Outcome.IGNORED;
    }

    /** Records the event id; answers false if it was already recorded (a redelivery). */
    private boolean record(PaymentProvider.Event event) {
        Integer seen = jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment_webhook_events WHERE event_id = ?", Integer.class, event.id());
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update(
                "INSERT INTO payment_webhook_events (event_id, event_type, received_at) VALUES (?, ?, ?)",
                event.id(),
                event.type(),
                Timestamp.from(clock.instant()));
        return true;
    }
}
