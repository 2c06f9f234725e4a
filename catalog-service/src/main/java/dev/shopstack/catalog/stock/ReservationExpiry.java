package dev.shopstack.catalog.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the stock of unconfirmed reservations back once they expire. Safe with several replicas: each
 * reservation is expired under its row lock and only if it is still due.
 */
@Component
public class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);
    private static final int BATCH = 200;

    private final StockReservationRepository reservations;
    private final Clock clock;
    private final StockReservationService service;

    ReservationExpiry(StockReservationRepository reservations, StockReservationService service, Clock clock) {
        this.clock = clock;
        this.reservations = reservations;
        this.service = service;
    }

    @Scheduled(
            initialDelayString = "${shop.catalog.stock.expiry-interval}",
            fixedDelayString = "${shop.catalog.stock.expiry-interval}")
    // once per interval across replicas; a killed holder's lock is free again after 5 minutes
    @SchedulerLock(
            name = "catalog.reservation-expiry",
            lockAtMostFor = "PT5M",
            lockAtLeastFor = "${shop.catalog.stock.expiry-interval}")
    public void expireDueReservations() {
        int expired = expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} stock reservation(s) and returned their stock", expired);
        }
    }

    /** Expires up to one batch of reservations due at {@code now}; answers how many. */
    public int expireDue(Instant now) {
        int expired = 0;
        for (UUID orderId : reservations.findDue(now, Limit.of(BATCH))) {
            try {
                expired += service.expire(orderId, now) ? 1 : 0;
            } catch (RuntimeException e) {
                // one failing reservation must not hold back the others; the next run tries it again
                log.warn("Could not expire the stock reservation of order {}", orderId, e);
            }
        }
        return expired;
    }
}
