package dev.shopstack.order.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * {@code POST /api/orders/{id}/refunds}: an amount in the order's currency (part or all of what is left), the
 * reason the customer will read, and for a manual payment the reference of the money sent back.
 */
public record RefundRequest(
        @NotNull BigDecimal amount,
        @NotBlank @Size(max = 200) String reason,
        @Size(max = 100) @Pattern(regexp = "[\\x20-\\x7E]*") String reference) {}
