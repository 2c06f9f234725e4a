package dev.shopstack.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund as the API shows it; who asked, the manual reference and the provider's id are for admins only.
 *
 * @param status {@code REQUESTED} (sent to or waiting for the provider), {@code SUCCEEDED} or {@code FAILED}
 * @param failure why the provider refused it, or why it is still waiting
 */
public record RefundView(
        UUID id,
        BigDecimal amount,
        String currency,
        String reason,
        String status,
        String method,
        Instant createdAt,
        Instant completedAt,
        String failure,
        String requestedBy,
        String reference,
        String providerRefundId) {}
