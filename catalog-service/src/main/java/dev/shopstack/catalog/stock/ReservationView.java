package dev.shopstack.catalog.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation as order-service sees it, with the prices and names to snapshot. {@code expiresAt} is set only
 * while the reservation is RESERVED.
 */
public record ReservationView(UUID orderId, ReservationStatus status, List<Line> lines, Instant expiresAt) {

    public record Line(long productId, String sku, String name, BigDecimal unitPrice, String currency, int quantity) {

        static Line of(ReservationLine line) {
            return new Line(
                    line.getProductId(),
                    line.getSku(),
                    line.getName(),
                    line.getUnitPrice(),
                    line.getCurrency(),
                    line.getQuantity());
        }
    }

    static ReservationView of(StockReservation reservation) {
        return new ReservationView(
                reservation.getOrderId(),
                reservation.getStatus(),
                reservation.getLines().stream().map(Line::of).toList(),
                reservation.getStatus() == ReservationStatus.RESERVED ? reservation.getExpiresAt() : null);
    }
}
