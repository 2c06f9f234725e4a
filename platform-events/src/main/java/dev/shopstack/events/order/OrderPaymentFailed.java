package dev.shopstack.events.order;

import java.time.Instant;

/**
 * {@code order.payment-failed}: a card payment attempt was declined; the order is still unpaid and can be paid
 * with another card until its payment window closes.
 */
public record OrderPaymentFailed(String orderId, String userId, String email, String reason, Instant failedAt) {}
