package dev.shopstack.order.orders;

import dev.shopstack.order.catalog.StockReleases;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders that were not paid within the payment window, before the catalog's reservation of their stock
 * runs out: otherwise an unpaid order would live on without its stock. Each cancellation commits with its stock
 * release and {@code order.cancelled}, like a customer's; a payment that commits first wins (optimistic lock),
 * and so does another replica running the same job.
 */
@Component
public class UnpaidOrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderExpiry.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final OrderEvents events;
    private final StockReleases releases;
    private final TransactionTemplate tx;
    private final PaymentWindowProperties window;

    public UnpaidOrderExpiry(OrderRepository orders, OrderEvents events, StockReleases releases,
            TransactionTemplate tx, PaymentWindowProperties window) {
        this.orders = orders;
        this.events = events;
        this.releases = releases;
        this.tx = tx;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${shop.orders.payment-window.check-interval:30s}")
    public void cancelOverdue() {
        cancelPlacedBefore(Instant.now().minus(window.duration()));
    }

    /** Cancels the unpaid orders placed before the cutoff; answers how many it cancelled. */
    public int cancelPlacedBefore(Instant cutoff) {
        int cancelled = 0;
        boolean more = true;
        while (more) {
            List<UUID> due = orders.findIdsByStatusAndCreatedAtBefore(OrderStatus.PENDING_PAYMENT, cutoff,
                    Limit.of(BATCH));
            int before = cancelled;
            for (UUID orderId : due) {
                if (cancel(orderId, cutoff)) {
                    cancelled++;
                    releases.releaseNow(orderId);
                }
            }
            more = due.size() == BATCH && cancelled > before; // a batch that only lost races ends the run
        }
        if (cancelled > 0) {
            log.info("Cancelled {} order(s) not paid within {}", cancelled, windowText());
        }
        return cancelled;
    }

    private boolean cancel(UUID orderId, Instant cutoff) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> orders.findById(orderId)
                    .filter(order -> order.getStatus() == OrderStatus.PENDING_PAYMENT)
                    .filter(order -> order.getCreatedAt().isBefore(cutoff))
                    .map(order -> {
                        order.moveTo(OrderStatus.CANCELLED);
                        orders.saveAndFlush(order);
                        releases.schedule(orderId);
                        events.cancelled(order, "not paid within " + windowText());
                        return true;
                    }).orElse(false)));
        } catch (ObjectOptimisticLockingFailureException paidOrCancelledMeanwhile) {
            return false;
        }
    }

    private String windowText() {
        long seconds = window.duration().toSeconds();
        return seconds >= 120 && seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }
}
