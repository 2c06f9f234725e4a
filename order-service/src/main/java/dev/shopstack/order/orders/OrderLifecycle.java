package dev.shopstack.order.orders;

import dev.shopstack.order.catalog.StockReleases;
import dev.shopstack.order.support.ApiProblem;
import dev.shopstack.order.support.Caller;
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
    private final TransactionTemplate tx;

    public OrderLifecycle(OrderRepository orders, OrderEvents events, StockReleases releases, TransactionTemplate tx) {
        this.orders = orders;
        this.events = events;
        this.releases = releases;
        this.tx = tx;
    }

    /** A customer's own order or any order for an admin; anything else looks like it does not exist. */
    public Order visible(Caller caller, UUID orderId) {
        return orders.findById(orderId).filter(order -> caller.maySee(order.getUserId()))
                .orElseThrow(() -> ApiProblem.notFound("There is no order " + orderId + "."));
    }

    public OrderView view(Caller caller, UUID orderId) {
        return tx.execute(status -> OrderView.of(visible(caller, orderId)));
    }

    /**
     * CANCELLED and the stock release are recorded in one transaction with {@code order.cancelled}; the release
     * itself is tried after the commit and retried by {@link StockReleases} until the catalog answers.
     */
    public OrderView cancel(Caller caller, UUID orderId, String reason) {
        OrderView cancelled = tx.execute(status -> {
            Order order = visible(caller, orderId);
            markCancelled(order, reason != null ? reason : caller.admin() ? "cancelled by the shop"
                    : "cancelled by the customer");
            return OrderView.of(order);
        });
        releases.releaseNow(orderId);
        return cancelled;
    }

    /**
     * The payment window's cancel: only if the order is still unpaid and was placed before the cutoff. Answers
     * whether it cancelled; a payment or another cancel committing first makes it a no-op (optimistic lock).
     */
    boolean cancelUnpaid(UUID orderId, Instant placedBefore, String reason) {
        boolean cancelled;
        try {
            cancelled = Boolean.TRUE.equals(tx.execute(status -> orders.findById(orderId)
                    .filter(order -> order.getStatus() == OrderStatus.PENDING_PAYMENT)
                    .filter(order -> order.getCreatedAt().isBefore(placedBefore))
                    .map(order -> {
                        markCancelled(order, reason);
                        return true;
                    }).orElse(false)));
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
        order.moveTo(OrderStatus.CANCELLED);
        orders.saveAndFlush(order);
        releases.schedule(order.getId());
        events.cancelled(order, reason);
    }

    /** Admin moves: SHIPPED, DELIVERED, or CANCELLED. PAID only comes from recording a payment. */
    public OrderView changeStatus(Caller admin, UUID orderId, OrderStatus next, String reason) {
        if (next == OrderStatus.CANCELLED) {
            return cancel(admin, orderId, reason);
        }
        if (next == OrderStatus.PAID) {
            throw ApiProblem.conflict("payment-required",
                    "An order becomes PAID by recording its payment (POST /api/orders/{id}/payment).");
        }
        return tx.execute(status -> {
            Order order = visible(admin, orderId);
            OrderStatus previous = order.moveTo(next);
            orders.saveAndFlush(order);
            events.statusChanged(order, previous);
            return OrderView.of(order);
        });
    }

    /** Only finished orders (DELIVERED or CANCELLED) can be deleted: live ones still hold stock or money. */
    public void delete(Caller admin, UUID orderId) {
        tx.executeWithoutResult(status -> {
            Order order = visible(admin, orderId);
            if (order.getStatus() != OrderStatus.DELIVERED && order.getStatus() != OrderStatus.CANCELLED) {
                throw ApiProblem.conflict("order-still-open",
                        "Only DELIVERED or CANCELLED orders can be deleted; cancel it first.");
            }
            orders.delete(order);
        });
    }
}
