package dev.shopstack.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order with its lines, as the API shows it. */
public record OrderView(UUID id, UUID userId, String email, OrderStatus status, List<Line> lines, String currency,
        BigDecimal total, ShippingAddress shippingAddress, Instant createdAt, Instant updatedAt) {

    public record Line(long productId, String sku, String name, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.getId(), order.getUserId(), order.getCustomerEmail(), order.getStatus(),
                order.getItems().stream().map(item -> new Line(item.getProductId(), item.getSku(), item.getName(),
                        item.getQuantity(), item.getUnitPrice(), item.getLineTotal())).toList(),
                order.getCurrency(), order.getTotal(), order.getShippingAddress(), order.getCreatedAt(),
                order.getUpdatedAt());
    }
}
