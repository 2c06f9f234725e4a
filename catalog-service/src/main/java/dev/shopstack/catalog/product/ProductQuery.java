package dev.shopstack.catalog.product;

import java.math.BigDecimal;

/** The storefront's search: all criteria optional. */
public record ProductQuery(
        String text,
        String categorySlug,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        boolean inStockOnly,
        ProductSort sort) {}
