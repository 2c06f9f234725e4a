package dev.shopstack.order.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** {@code POST /api/orders/{id}/payment}: must match the order's total and currency exactly. */
public record PaymentRequest(
        @NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2)
        BigDecimal amount,

        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @NotBlank @Size(max = 20) String method,
        @Size(max = 100) @Pattern(regexp = "[\\x20-\\x7E]*") String reference) {}
