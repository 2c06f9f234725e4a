package dev.shopstack.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record PaymentView(
        UUID id,
        UUID orderId,
        String method,
        String reference,
        BigDecimal amount,
        String currency,
        Instant createdAt) {}
