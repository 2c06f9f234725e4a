package dev.shopstack.order.payment;

import dev.shopstack.order.catalog.StockReleases;
import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderEvents;
import dev.shopstack.order.orders.OrderRepository;
import dev.shopstack.order.orders.OrderStatus;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The refunds of an order under its row lock, in the caller's transaction: what is committed to go back, the
 * REFUNDED transition and {@code order.refunded} once the provider confirms.
 */
@Component
class RefundLedger {

    /** An order whose row this transaction holds, its payment, and what its refunds return or are returning. */
    record Locked(Order order, Optional<PaymentView> payment, BigDecimal committed) {}

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final OrderEvents events;
    private final StockReleases releases;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RefundLedger(
            OrderRepository orders,
            PaymentRepository payments,
            RefundRepository refunds,
            OrderEvents events,
            StockReleases releases,
            JdbcTemplate jdbc,
            Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.releases = releases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the order row until the transaction ends (a second refund of the same order waits here) and reads its
     * refunds with a locking read, which sees the latest committed rows even under repeatable read.
     */
    Locked lock(UUID orderId) {
        List<String> row =
                jdbc.queryForList("SELECT id FROM orders WHERE id = ? FOR UPDATE", String.class, orderId.toString());
        if (row.isEmpty()) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, "There is no order " + orderId + ".");
        }
        List<BigDecimal> amounts = jdbc.queryForList(
                "SELECT amount FROM refunds WHERE order_id = ? " + "AND status <> 'FAILED' FOR UPDATE",
                BigDecimal.class,
                orderId.toString());
        Order order = orders.findById(orderId).orElseThrow();
        return new Locked(
                order,
                payments.findByOrderId(orderId).map(Payment::view),
                amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    Refund save(Refund refund) {
        return refunds.saveAndFlush(refund);
    }

    Refund find(UUID refundId) {
        return refunds.findById(refundId).orElseThrow();
    }

    List<Refund> of(UUID orderId) {
        return refunds.findByOrderIdOrderByCreatedAtAscIdAsc(orderId);
    }

    /**
     * A refund just became SUCCEEDED (under {@link #lock}): {@code order.refunded}, and REFUNDED once the
     * confirmed refunds cover the whole payment (a PAID order's stock reservation is released then).
     */
    void completed(Locked locked, Refund refund) {
        Order order = locked.order();
        BigDecimal paid = locked.payment().map(PaymentView::amount).orElse(BigDecimal.ZERO);
        BigDecimal refunded = succeeded(of(order.getId()));
        boolean full = refunded.compareTo(paid) >= 0;
        if (full && order.getStatus().canBecome(OrderStatus.REFUNDED)) {
            OrderStatus previous = order.moveTo(OrderStatus.REFUNDED, clock.instant());
            orders.saveAndFlush(order);
            events.statusChanged(order, previous);
            if (previous == OrderStatus.PAID) {
                releaseStock(order.getId()); // REFUNDED is final: nothing ships; a cancel has released it already
            }
        }
        events.refunded(order, refund.getId(), refund.getAmount(), refund.getReason(), refunded, full, clock.instant());
    }

    /** Recorded with the transition, like a cancel's; tried right after the commit, then by its retry job. */
    private void releaseStock(UUID orderId) {
        releases.schedule(orderId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    releases.releaseNow(orderId);
                } catch (RuntimeException e) {
                    // the refund is committed; the release stays scheduled and its retry job sends it
                }
            }
        });
    }

    OrderRefundsView view(Order order, boolean admin) {
        List<Refund> all = of(order.getId());
        BigDecimal paid = payments.findByOrderId(order.getId())
                .map(Payment::view)
                .map(PaymentView::amount)
                .orElse(BigDecimal.ZERO);
        BigDecimal refunded = succeeded(all);
        BigDecimal pending = sum(all.stream()
                .filter(r -> r.getStatus() == Refund.Status.REQUESTED)
                .toList());
        BigDecimal refundable = order.getStatus() == OrderStatus.PAID || order.getStatus() == OrderStatus.CANCELLED
                ? paid.subtract(refunded).subtract(pending).max(BigDecimal.ZERO)
                : BigDecimal.ZERO;
        return new OrderRefundsView(
                order.getId(),
                order.getCurrency(),
                paid,
                refunded,
                pending,
                refundable,
                all.stream().map(r -> r.view(admin)).toList());
    }

    private static BigDecimal succeeded(List<Refund> all) {
        return sum(all.stream()
                .filter(r -> r.getStatus() == Refund.Status.SUCCEEDED)
                .toList());
    }

    private static BigDecimal sum(List<Refund> some) {
        return some.stream().map(Refund::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
