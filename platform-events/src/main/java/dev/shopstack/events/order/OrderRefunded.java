package dev.shopstack.events.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code order.refunded}: money went back to the customer (the provider confirmed it, or an admin recorded a
 * refund of a manual payment).
 *
 * @param amount this refund, in the order's currency
 * @param reason why, in words meant for the customer
 * @param totalRefunded all refunds of the order so far, this one included
 * @param fullyRefunded whether the refunds now cover the whole payment (the order is REFUNDED)
 */
public record OrderRefunded(
        String orderId,
        String userId,
        String email,
        String refundId,
        BigDecimal amount,
        String currency,
        String reason,
        BigDecimal totalRefunded,
        boolean fullyRefunded,
        Instant refundedAt) {}
