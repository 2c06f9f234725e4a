package dev.shopstack.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels orders that were not paid within the payment window, before the catalog's reservation of their stock
 * runs out: otherwise an unpaid order would live on without its stock. Each one is cancelled like a customer's
 * cancel ({@link OrderLifecycle#cancelUnpaid}); a payment that commits first wins, and so does another replica
 * running the same job.
 */
@Component
public class UnpaidOrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderExpiry.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final PaymentWindowProperties window;
    private final Clock clock;

    public UnpaidOrderExpiry(
            OrderRepository orders, OrderLifecycle lifecycle, PaymentWindowProperties window, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${shop.orders.payment-window.check-interval:30s}")
    // once per interval across replicas. A killed holder's lock is free again after 1 minute, the default gap
    // between the payment window and the catalog's reservation TTL; a longer run overlapping another replica's is
    // harmless, since each cancellation checks the order's status and version again
    @SchedulerLock(
            name = "order.unpaid-order-expiry",
            lockAtMostFor = PaymentWindowProperties.LOCK_AT_MOST_FOR,
            lockAtLeastFor = "${shop.orders.payment-window.check-interval:30s}")
    public void cancelOverdue() {
        cancelPlacedBefore(clock.instant().minus(window.duration()));
    }

    /** Cancels the unpaid orders placed before the cutoff; answers how many it cancelled. */
    public int cancelPlacedBefore(Instant cutoff) {
        int cancelled = 0;
        boolean more = true;
        while (more) {
            List<UUID> due =
                    orders.findIdsByStatusAndCreatedAtBefore(OrderStatus.PENDING_PAYMENT, cutoff, Limit.of(BATCH));
            int before = cancelled;
            for (UUID orderId : due) {
                if (lifecycle.cancelUnpaid(orderId, cutoff, "not paid within " + windowText())) {
                    cancelled++;
                }
            }
            more = due.size() == BATCH && cancelled > before; // a batch that only lost races ends the run
        }
        if (cancelled > 0) {
            log.info("Cancelled {} order(s) not paid within {}", cancelled, windowText());
        }
        return cancelled;
    }

    private String windowText() {
        long seconds = window.duration().toSeconds();
        return seconds >= 120 && seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }
}
