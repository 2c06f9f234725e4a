package dev.shopstack.order.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param duration how long an order may stay unpaid before it is cancelled; keep it shorter than the catalog's
 *     reservation lifetime ({@code shop.catalog.stock.reservation-ttl}, 15 min by default), so no live order is
 *     ever left without its stock
 * @param checkInterval how often overdue orders are looked for
 */
@ConfigurationProperties("shop.orders.payment-window")
public record PaymentWindowProperties(
        @DefaultValue("14m") Duration duration,
        @DefaultValue("30s") Duration checkInterval) {}
