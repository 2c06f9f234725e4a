package dev.shopstack.events.order;

import java.time.Instant;

/** {@code order.cancelled}: the order is cancelled and its stock released. */
public record OrderCancelled(String orderId, String userId, String email, String reason, Instant cancelledAt) {}
