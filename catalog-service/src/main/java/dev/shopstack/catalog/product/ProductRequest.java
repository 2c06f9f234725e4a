package dev.shopstack.catalog.product;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A whole product as an admin writes it (create, or replace with PUT). {@code active} defaults to true;
 * {@code description} and {@code imageUrl} are optional.
 */
public record ProductRequest(
        @NotNull @Pattern(regexp = ProductRequest.SKU, message = ProductRequest.SKU_MESSAGE)
        String sku,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotNull @Positive Long categoryId,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 17, fraction = 2)
        BigDecimal price,

        @NotNull @IsoCurrency String currency,
        @NotNull @Min(0) @Max(ProductRequest.MAX_STOCK) Integer stockQuantity,
        Boolean active,

        @Size(max = 500) @Pattern(regexp = ProductRequest.IMAGE_URL, message = ProductRequest.IMAGE_URL_MESSAGE)
        String imageUrl) {

    static final String SKU = "[A-Z0-9][A-Z0-9-]{2,39}";
    static final String SKU_MESSAGE =
            "must be 3 to 40 upper-case letters, digits or hyphens, not starting with a hyphen";
    static final String IMAGE_URL = "(https?://\\S+)?";
    static final String IMAGE_URL_MESSAGE = "must be an http(s) URL";
    static final int MAX_STOCK = 1_000_000;
}
