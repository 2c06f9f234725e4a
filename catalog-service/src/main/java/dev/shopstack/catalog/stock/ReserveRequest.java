package dev.shopstack.catalog.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lines of an order to reserve. A product listed twice counts once with the quantities added up. */
public record ReserveRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotNull @Positive Long productId,
            @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    /** Quantity by product id, in ascending id order. */
    Map<Long, Integer> quantities() {
        Map<Long, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
        return quantities;
    }
}
