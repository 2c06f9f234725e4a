package dev.shopstack.order.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stock that must go back to the catalog. A release is first written to {@code stock_releases} (inside the
 * cancelling transaction, or on its own when placing an order failed), then tried at once; if catalog-service
 * is down it stays there and a scheduled job retries with a growing pause until the catalog answers. So a
 * cancelled or failed order gives its stock back even across an outage or a restart; the catalog's reservation
 * expiry is only the last net for a crash between reserving and writing this row.
 */
@Component
public class StockReleases {

    private static final Logger log = LoggerFactory.getLogger(StockReleases.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final CatalogClient catalog;
    private final Duration interval;
    private final Clock clock;

    public StockReleases(JdbcTemplate jdbc, CatalogClient catalog, StockReleaseProperties properties, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.interval = properties.retryInterval();
    }

    /** Records that this order's stock must go back; joins the caller's transaction if there is one. */
    public void schedule(UUID orderId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO stock_releases (order_id, attempts, created_at, next_attempt_at) "
                        + "SELECT ?, 0, ?, ? FROM (SELECT 1 AS one) AS dual_row "
                        + "WHERE NOT EXISTS (SELECT 1 FROM stock_releases WHERE order_id = ?)",
                orderId.toString(),
                now,
                now,
                orderId.toString());
    }

    /** Tries a scheduled release now (call it after the scheduling transaction committed). */
    public boolean releaseNow(UUID orderId) {
        try {
            catalog.release(orderId);
            jdbc.update("DELETE FROM stock_releases WHERE order_id = ?", orderId.toString());
            return true;
        } catch (CatalogUnavailableException | CatalogRejectedException e) {
            List<Integer> row = jdbc.queryForList(
                    "SELECT attempts FROM stock_releases WHERE order_id = ?", Integer.class, orderId.toString());
            if (row.isEmpty()) {
                return false; // released meanwhile by another attempt
            }
            int attempts = row.get(0) + 1;
            jdbc.update(
                    "UPDATE stock_releases SET attempts = ?, next_attempt_at = ? WHERE order_id = ?",
                    attempts,
                    Timestamp.from(clock.instant().plus(pause(attempts))),
                    orderId.toString());
            log.warn(
                    "Cannot release the stock of order {} yet (attempt {}): {}",
                    orderId,
                    attempts,
                    e instanceof CatalogUnavailableException unavailable ? unavailable.reason() : e.getMessage());
            return false;
        }
    }

    /** Schedules and tries at once. */
    public void release(UUID orderId) {
        schedule(orderId);
        releaseNow(orderId);
    }

    @Scheduled(fixedDelayString = "${shop.orders.stock-release.retry-interval:30s}")
    // once per interval across replicas; 50 releases with retries and timeouts stay well under 10 minutes
    @SchedulerLock(
            name = "order.stock-release-retries",
            lockAtMostFor = "PT10M",
            lockAtLeastFor = "${shop.orders.stock-release.retry-interval:30s}")
    public void retryDue() {
        List<UUID> due = jdbc.query(
                "SELECT order_id FROM stock_releases WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 50",
                (rs, row) -> UUID.fromString(rs.getString(1)),
                Timestamp.from(clock.instant()));
        for (UUID orderId : due) {
            if (!releaseNow(orderId)) {
                return; // the catalog is still away: leave the rest for the next round
            }
        }
    }

    private Duration pause(int attempts) {
        Duration pause = interval.multipliedBy(1L << Math.min(attempts - 1, 10));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
