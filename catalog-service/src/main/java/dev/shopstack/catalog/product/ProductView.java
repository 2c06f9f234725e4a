package dev.shopstack.catalog.product;

import dev.shopstack.catalog.category.Category;
import java.math.BigDecimal;
import java.time.Instant;

/** A product as clients see it. {@code version} is also the ETag. */
public record ProductView(
        long id,
        String sku,
        String name,
        String description,
        CategoryRef category,
        BigDecimal price,
        String currency,
        int stockQuantity,
        boolean active,
        String imageUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record CategoryRef(long id, String slug, String name) {

        static CategoryRef of(Category category) {
            return new CategoryRef(category.getId(), category.getSlug(), category.getName());
        }
    }

    static ProductView of(Product product) {
        return new ProductView(
                product.getId(),
                product.getSku(),
                product.getName(),
                product.getDescription(),
                CategoryRef.of(product.getCategory()),
                product.getPrice(),
                product.getCurrency(),
                product.getStockQuantity(),
                product.isActive(),
                product.getImageUrl(),
                product.getCreatedAt(),
                product.getUpdatedAt(),
                product.getVersion());
    }
}
