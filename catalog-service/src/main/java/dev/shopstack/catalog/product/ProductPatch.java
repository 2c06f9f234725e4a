package dev.shopstack.catalog.product;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A partial update (merge patch): a field left out or null stays as it is; an empty {@code description} or
 * {@code imageUrl} clears it. Same rules as {@link ProductRequest} for what is given.
 */
public record ProductPatch(
        @Pattern(regexp = ProductRequest.SKU, message = ProductRequest.SKU_MESSAGE)
        String sku,
        // [\s\S], not (?s): the OpenAPI document's patterns must be valid ECMAScript regexes too
        @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,

        @Size(max = 4000) String description,
        @Positive Long categoryId,

        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 17, fraction = 2)
        BigDecimal price,

        @IsoCurrency String currency,
        @Min(0) @Max(ProductRequest.MAX_STOCK) Integer stockQuantity,
        Boolean active,

        @Size(max = 500) @Pattern(regexp = ProductRequest.IMAGE_URL, message = ProductRequest.IMAGE_URL_MESSAGE)
        String imageUrl) {}
