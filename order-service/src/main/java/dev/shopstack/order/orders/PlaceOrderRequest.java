package dev.shopstack.order.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/orders}: what to buy and where to send it. Prices come from the catalog, never from here. */
public record PlaceOrderRequest(
        @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines,
        @NotNull @Valid ShippingAddress shippingAddress) {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 1000;

    public record Line(
            @NotNull @Positive Long productId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {}
}
