package dev.shopstack.events.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code order.placed}: drives the order confirmation email. Amounts are in {@code currency} (ISO 4217). */
public record OrderPlaced(
        String orderId,
        String userId,
        String email,
        List<OrderLine> lines,
        String currency,
        BigDecimal total,
        Instant placedAt) {}
