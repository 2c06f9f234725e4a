package dev.shopstack.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order in a list. */
public record OrderSummary(
        UUID id, UUID userId, OrderStatus status, BigDecimal total, String currency, Instant createdAt) {

    static OrderSummary of(Order order) {
        return new OrderSummary(
                order.getId(),
                order.getUserId(),
                order.getStatus(),
                order.getTotal(),
                order.getCurrency(),
                order.getCreatedAt());
    }
}
