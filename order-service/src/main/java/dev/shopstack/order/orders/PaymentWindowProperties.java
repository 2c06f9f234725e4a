package dev.shopstack.order.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param duration how long an order may stay unpaid before it is cancelled; keep it shorter than the catalog's
 *     reservation lifetime ({@code shop.catalog.stock.reservation-ttl}, 15 min by default), so no live order is
 *     ever left without its stock
 * @param checkInterval how often overdue orders are looked for; at most the job lock's {@code lockAtMostFor}
 *     ({@link #LOCK_AT_MOST_FOR}), which must not be shorter than the interval the lock is held for
 */
@ConfigurationProperties("shop.orders.payment-window")
public record PaymentWindowProperties(
        @DefaultValue("14m") Duration duration,
        @DefaultValue("30s") Duration checkInterval) {

    /** How long the payment window's job lock is held at most; the check interval may not be longer. */
    static final String LOCK_AT_MOST_FOR = "PT1M";

    static final Duration MAX_CHECK_INTERVAL = Duration.parse(LOCK_AT_MOST_FOR);

    public PaymentWindowProperties {
        if (checkInterval.isNegative() || checkInterval.isZero() || checkInterval.compareTo(MAX_CHECK_INTERVAL) > 0) {
            throw new IllegalArgumentException(
                    "shop.orders.payment-window.check-interval must be above 0 and at most " + MAX_CHECK_INTERVAL);
        }
    }
}
