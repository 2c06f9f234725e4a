package dev.shopstack.order.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The refunds of an order and where its payment stands.
 *
 * @param paid what was paid (zero while unpaid)
 * @param refunded what the provider confirmed (or an admin recorded) as returned
 * @param pending requested and not confirmed yet
 * @param refundable what may still be refunded
 */
public record OrderRefundsView(
        UUID orderId,
        String currency,
        BigDecimal paid,
        BigDecimal refunded,
        BigDecimal pending,
        BigDecimal refundable,
        List<RefundView> refunds) {}
