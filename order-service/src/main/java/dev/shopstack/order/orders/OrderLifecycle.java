package dev.shopstack.order.orders;

import dev.shopstack.order.catalog.StockReleases;
import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Status changes after placing: cancel (owner or admin), ship/deliver (admin), delete (admin). */
@Service
public class OrderLifecycle {

    private final OrderRepository orders;
    private final OrderEvents events;
    private final StockReleases releases;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final CardPaymentHooks cardPayments;
    private final RefundHooks refunds;
    private final PaymentRecords paymentRecords;

    public OrderLifecycle(
            OrderRepository orders,
            OrderEvents events,
            StockReleases releases,
            TransactionTemplate tx,
            Clock clock,
            CardPaymentHooks cardPayments,
            RefundHooks refunds,
            PaymentRecords paymentRecords) {
        this.clock = clock;
        this.paymentRecords = paymentRecords;
        this.refunds = refunds;
        this.cardPayments = cardPayments;
        this.orders = orders;
        this.events = events;
        this.releases = releases;
        this.tx = tx;
    }

    /** A customer's own order or any order for an admin; anything else looks like it does not exist. */
    public Order visible(Caller caller, UUID orderId) {
        return orders.findById(orderId)
                .filter(order -> caller.maySee(order.getUserId()))
                .orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "There is no order " + orderId + "."));
    }

    /** A card payment the provider could not create yet is tried again here (bounded, outside the transaction). */
    public OrderView view(Caller caller, UUID orderId) {
        OrderView view = tx.execute(status -> ownView(visible(caller, orderId)));
        if (view.status() == OrderStatus.PENDING_PAYMENT
                && view.payment() != null
                && CardPayment.State.INTENT_PENDING.name().equals(view.payment().status())) {
            cardPayments.startIfDue(orderId); // only if its back-off has passed
            return tx.execute(status -> ownView(visible(caller, orderId)));
        }
        return view;
    }

    /** With how it was paid and its refunds (one order, so the extra queries are fine; lists leave them out). */
    private OrderView ownView(Order order) {
        return OrderView.of(order).with(paymentRecords.of(order));
    }

    /**
     * CANCELLED and the stock release are recorded in one transaction with {@code order.cancelled}; the release
     * itself is tried after the commit and retried by {@link StockReleases} until the catalog answers. A PAID order
     * (not shipped yet) also gets a refund of what was paid, recorded in that transaction and sent after it.
     */
    public OrderView cancel(Caller caller, UUID orderId, String reason) {
        boolean[] refund = {false};
        tx.executeWithoutResult(status -> {
            Order order = visible(caller, orderId);
            String why =
                    reason != null ? reason : caller.admin() ? "cancelled by the shop" : "cancelled by the customer";
            if (order.getStatus() == OrderStatus.PAID) {
                refund[0] = refunds.refundRestOnCancel(order, "Order cancelled: " + why, caller.subject());
            }
            markCancelled(order, why);
        });
        releases.releaseNow(orderId);
        cardPayments.abandon(orderId);
        if (refund[0]) {
            refunds.sendRequested(orderId);
        }
        return tx.execute(status -> ownView(visible(caller, orderId)));
    }

    /**
     * The payment window's cancel: only if the order is still unpaid and was placed before the cutoff. Answers
     * whether it cancelled; a payment or another cancel committing first makes it a no-op (optimistic lock). Its
     * card payment is closed at the provider first: one paid at the last moment makes the order PAID instead, and
     * one the provider cannot answer for keeps the order open until the next run.
     */
    boolean cancelUnpaid(UUID orderId, Instant placedBefore, String reason) {
        boolean due = Boolean.TRUE.equals(tx.execute(status -> orders.findById(orderId)
                .map(order -> order.getStatus() == OrderStatus.PENDING_PAYMENT
                        && order.getCreatedAt().isBefore(placedBefore))
                .orElse(false)));
        if (!due || cardPayments.closeForExpiry(orderId) != CardPaymentHooks.Closing.CLOSED) {
            return false;
        }
        boolean cancelled;
        try {
            cancelled = Boolean.TRUE.equals(tx.execute(status -> orders.findById(orderId)
                    .filter(order -> order.getStatus() == OrderStatus.PENDING_PAYMENT)
                    .filter(order -> order.getCreatedAt().isBefore(placedBefore))
                    .map(order -> {
                        markCancelled(order, reason);
                        return true;
                    })
                    .orElse(false)));
        } catch (ObjectOptimisticLockingFailureException paidOrCancelledMeanwhile) {
            return false;
        }
        if (cancelled) {
            releases.releaseNow(orderId);
        }
        return cancelled;
    }

    /** CANCELLED, the stock release to do and {@code order.cancelled}, in the caller's transaction. */
    private void markCancelled(Order order, String reason) {
        order.moveTo(OrderStatus.CANCELLED, clock.instant());
        orders.saveAndFlush(order);
        releases.schedule(order.getId());
        events.cancelled(order, reason);
    }

    /**
     * Admin moves: SHIPPED, DELIVERED, or CANCELLED. PAID only comes from recording a payment, REFUNDED only from
     * refunds that cover it.
     */
    public OrderView changeStatus(Caller admin, UUID orderId, OrderStatus next, String reason) {
        if (next == OrderStatus.CANCELLED) {
            return cancel(admin, orderId, reason);
        }
        if (next == OrderStatus.PAID) {
            throw ApiProblem.of(
                    ProblemType.PAYMENT_REQUIRED,
                    "An order becomes PAID by recording its payment (POST /api/orders/{id}/payment).");
        }
        if (next == OrderStatus.REFUNDED) {
            throw ApiProblem.of(
                    ProblemType.ILLEGAL_STATUS_TRANSITION,
                    "An order becomes REFUNDED when its refunds cover the payment (POST /api/orders/{id}/refunds).");
        }
        return tx.execute(status -> {
            Order order = visible(admin, orderId);
            OrderStatus previous = order.moveTo(next, clock.instant());
            orders.saveAndFlush(order);
            events.statusChanged(order, previous);
            return OrderView.of(order);
        });
    }

    /**
     * Only finished orders (DELIVERED, CANCELLED, REFUNDED) can be deleted: live ones still hold stock or money. So
     * can a finished one whose refund is still on its way or owed: its refunds would go with it.
     */
    public void delete(Caller admin, UUID orderId) {
        tx.executeWithoutResult(status -> {
            Order order = visible(admin, orderId);
            if (order.getStatus() != OrderStatus.DELIVERED
                    && order.getStatus() != OrderStatus.CANCELLED
                    && order.getStatus() != OrderStatus.REFUNDED) {
                throw ApiProblem.of(
                        ProblemType.ORDER_STILL_OPEN,
                        "Only DELIVERED, CANCELLED or REFUNDED orders can be deleted; cancel it first.");
            }
            String owed = refunds.moneyStillOwed(order);
            if (owed != null) {
                throw ApiProblem.of(ProblemType.ORDER_STILL_OPEN, owed);
            }
            orders.delete(order);
        });
    }
}
