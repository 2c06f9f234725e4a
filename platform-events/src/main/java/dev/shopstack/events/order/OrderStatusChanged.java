package dev.shopstack.events.order;

import java.time.Instant;

/** {@code order.status-changed}: e.g. PAID to SHIPPED. Statuses are the order-service status names. */
public record OrderStatusChanged(
        String orderId, String userId, String email, String previousStatus, String status, Instant changedAt) {}
