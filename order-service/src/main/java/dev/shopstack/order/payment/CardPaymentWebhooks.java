package dev.shopstack.order.payment;

import dev.shopstack.order.catalog.CatalogClient;
import dev.shopstack.order.catalog.CatalogRejectedException;
import dev.shopstack.order.orders.CardPayment;
import dev.shopstack.order.orders.MinorUnits;
import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderEvents;
import dev.shopstack.order.orders.OrderRepository;
import dev.shopstack.order.orders.OrderStatus;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what the provider reports about a payment: its verified webhook events, and the intents that
 * reconciliation and the payment window read back from it ({@link #apply(PaymentProvider.Intent)}), through the
 * same code. Each event id is recorded in {@code payment_webhook_events} in the transaction that applies it, so a
 * redelivered event is a no-op, and an event that could not be applied (catalog down, order not committed yet) is
 * not recorded and is applied when the provider retries it.
 */
@Service
public class CardPaymentWebhooks {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        IGNORED,
        REVIEW
    }

    static final String METHOD = "CARD";
    private static final Logger log = LoggerFactory.getLogger(CardPaymentWebhooks.class);

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final CatalogClient catalog;
    private final OrderEvents events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CardPaymentWebhooks(
            OrderRepository orders,
            PaymentRepository payments,
            CatalogClient catalog,
            OrderEvents events,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.catalog = catalog;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What the provider reports of an intent read back from it, applied as its webhook would be: a success once
     * (recorded under its own id, and a later webhook of it finds the order paid by this intent); a failure only
     * while the order does not know of one yet. Anything else changes nothing.
     */
    public Outcome apply(PaymentProvider.Intent intent) {
        if ("succeeded".equals(intent.status())) {
            return handle(new PaymentProvider.Event(
                    "reconciled_" + intent.id() + "_succeeded",
                    PaymentProvider.Event.Kind.PAYMENT_SUCCEEDED,
                    "payment_intent.succeeded",
                    intent.id(),
                    intent.orderId(),
                    intent.amount(),
                    intent.amountReceived(),
                    intent.currency(),
                    null));
        }
        if ("requires_payment_method".equals(intent.status()) && intent.failure() != null) {
            Optional<Order> order = tx.execute(status -> orders.findByCardPaymentIntentId(intent.id()));
            if (order.map(Order::getCardPayment)
                    .filter(card -> card.getState() == CardPayment.State.REQUIRES_PAYMENT)
                    .isPresent()) {
                return handle(new PaymentProvider.Event(
                        "reconciled_" + intent.id() + "_failed_" + clock.millis(),
                        PaymentProvider.Event.Kind.PAYMENT_FAILED,
                        "payment_intent.payment_failed",
                        intent.id(),
                        intent.orderId(),
                        intent.amount(),
                        intent.amountReceived(),
                        intent.currency(),
                        intent.failure()));
            }
        }
        return Outcome.IGNORED;
    }

    public Outcome handle(PaymentProvider.Event event) {
        if (seen(event.id())) {
            return Outcome.DUPLICATE;
        }
        try {
            return switch (event.kind()) {
                case PAYMENT_SUCCEEDED -> succeeded(event);
                case PAYMENT_FAILED -> failed(event);
                case OTHER, REFUNDED -> record(event, null, order -> {}, Outcome.IGNORED); // refunds: RefundWebhooks
            };
        } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException sameEventAtOnce) {
            if (seen(event.id())) {
                return Outcome.DUPLICATE;
            }
            throw sameEventAtOnce; // not applied and not recorded: the provider delivers it again
        }
    }

    private Outcome succeeded(PaymentProvider.Event event) {
        Optional<Order> found = tx.execute(status -> orderOf(event));
        if (found.isEmpty() && orderIdIn(event) != null) {
            // the order's own transaction has not committed yet (or it is gone): the provider asks again later
            throw ApiProblem.of(
                    ProblemType.WEBHOOK_ORDER_UNKNOWN,
                    "There is no order " + event.orderId() + " yet; deliver the event again later.");
        }
        if (found.isEmpty()) {
            log.warn("Payment {} succeeded for no known order (order_id {})", event.intentId(), event.orderId());
            return record(event, null, order -> {}, Outcome.IGNORED);
        }
        Order order = found.get();
        String mismatch = mismatch(order, event);
        if (mismatch == null && order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            if (order.getStatus() == OrderStatus.PAID
                    && payments.findByOrderId(order.getId())
                            .filter(p -> p.matchesReference(METHOD, event.intentId()))
                            .isPresent()) {
                return record(event, order.getId(), o -> {}, Outcome.DUPLICATE);
            }
            mismatch = "paid at the provider while the order was " + order.getStatus();
        }
        if (mismatch != null) {
            return review(event, order.getId(), mismatch);
        }
        try {
            catalog.confirm(order.getId()); // before PAID commits, as for every payment (PaymentService)
        } catch (CatalogRejectedException gone) {
            return review(event, order.getId(), "paid, but the stock held for the order was released");
        }
        Outcome[] outcome = {Outcome.APPLIED};
        record(event, order.getId(), current -> {
            if (current.getStatus() != OrderStatus.PENDING_PAYMENT) { // cancelled while the webhook was on its way
                log.warn(
                        "Payment {} of order {} needs review: paid while the order became {}",
                        event.intentId(),
                        current.getId(),
                        current.getStatus());
                current.getCardPayment().needsReview("paid at the provider while the order was " + current.getStatus());
                orders.saveAndFlush(current);
                outcome[0] = Outcome.REVIEW;
                return;
            }
            OrderStatus previous = current.moveTo(OrderStatus.PAID, clock.instant());
            current.getCardPayment().succeeded(event.intentId());
            orders.saveAndFlush(current);
            payments.saveAndFlush(new Payment(
                    current.getId(),
                    METHOD,
                    event.intentId(),
                    current.getTotal(),
                    current.getCurrency(),
                    clock.instant()));
            events.statusChanged(current, previous);
        });
        return outcome[0];
    }

    /** A late failure never undoes a success: only an order still waiting for its payment records it. */
    private Outcome failed(PaymentProvider.Event event) {
        Optional<Order> found = tx.execute(status -> orderOf(event));
        UUID orderId = found.map(Order::getId).orElse(null);
        String reason = event.failure() != null ? event.failure() : "The card payment failed.";
        boolean[] applied = {false};
        record(event, orderId, order -> {
            CardPayment card = order.getCardPayment();
            if (order.getStatus() == OrderStatus.PENDING_PAYMENT
                    && card != null
                    && card.getState() != CardPayment.State.SUCCEEDED
                    && card.getState() != CardPayment.State.REVIEW) {
                card.attemptFailed(reason);
                orders.saveAndFlush(order);
                events.paymentFailed(order, reason);
                applied[0] = true;
            }
        });
        return applied[0] ? Outcome.APPLIED : Outcome.IGNORED;
    }

    private Outcome review(PaymentProvider.Event event, UUID orderId, String reason) {
        log.warn("Payment {} of order {} needs review: {} (event {})", event.intentId(), orderId, reason, event.id());
        return record(
                event,
                orderId,
                order -> {
                    order.getCardPayment().needsReview(reason);
                    orders.saveAndFlush(order);
                },
                Outcome.REVIEW);
    }

    /** The amount the provider actually collected, and its currency, must be exactly the order's total. */
    private static String mismatch(Order order, PaymentProvider.Event event) {
        long expected;
        try {
            expected = MinorUnits.of(order.getTotal(), order.getCurrency());
        } catch (ArithmeticException e) {
            return "the order's total cannot be charged exactly in " + order.getCurrency();
        }
        if (expected != event.amountReceived()
                || !order.getCurrency().equalsIgnoreCase(String.valueOf(event.currency()))) {
            return "received " + event.amountReceived() + " " + event.currency() + " (minor units), the order is "
                    + expected + " " + order.getCurrency();
        }
        CardPayment card = order.getCardPayment();
        if (card != null && card.getIntentId() != null && !card.getIntentId().equals(event.intentId())) {
            return "paid through " + event.intentId() + ", the order's payment is " + card.getIntentId();
        }
        return null;
    }

    private Outcome record(PaymentProvider.Event event, UUID orderId, Consumer<Order> apply, Outcome outcome) {
        record(event, orderId, apply);
        return outcome;
    }

    /** The event id and the change commit together. */
    private void record(PaymentProvider.Event event, UUID orderId, Consumer<Order> apply) {
        tx.executeWithoutResult(status -> {
            jdbc.update(
                    "INSERT INTO payment_webhook_events (event_id, event_type, received_at) VALUES (?, ?, ?)",
                    event.id(),
                    event.type(),
                    Timestamp.from(clock.instant()));
            if (orderId != null) {
                orders.findById(orderId).ifPresent(apply);
            }
        });
    }

    private Optional<Order> orderOf(PaymentProvider.Event event) {
        Optional<Order> byIntent = orders.findByCardPaymentIntentId(event.intentId());
        UUID orderId = orderIdIn(event);
        return byIntent.isPresent() || orderId == null ? byIntent : orders.findById(orderId);
    }

    private static UUID orderIdIn(PaymentProvider.Event event) {
        try {
            return event.orderId() == null ? null : UUID.fromString(event.orderId());
        } catch (IllegalArgumentException notAnOrderId) {
            return null;
        }
    }

    private boolean seen(String eventId) {
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment_webhook_events WHERE event_id = ?", Integer.class, eventId);
        return rows != null && rows > 0;
    }
}
