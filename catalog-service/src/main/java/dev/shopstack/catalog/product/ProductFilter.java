package dev.shopstack.catalog.product;

import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the product list is narrowed to. Only the given criteria become SQL predicates, so each query stays
 * simple enough for the indexes.
 *
 * @param text words to find in the name or description, case-insensitive
 * @param categoryIds only these categories (null: any)
 * @param includeInactive admins see products that are not for sale; customers never do
 */
record ProductFilter(
        String text,
        Collection<Long> categoryIds,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        boolean inStockOnly,
        boolean includeInactive) {

    /** Not a LIKE wildcard in MySQL or H2, and no backslash quoting trouble. */
    private static final char ESCAPE = '!';

    Specification<Product> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!includeInactive) {
                where.add(cb.isTrue(root.get("active")));
            }
            if (categoryIds != null) {
                where.add(root.get("category").get("id").in(categoryIds));
            }
            if (minPrice != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("price"), minPrice));
            }
            if (maxPrice != null) {
                where.add(cb.lessThanOrEqualTo(root.get("price"), maxPrice));
            }
            if (inStockOnly) {
                where.add(cb.greaterThan(root.get("stockQuantity"), 0));
            }
            if (text != null && !text.isBlank()) {
                String pattern = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("name")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("description")), pattern, ESCAPE)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The user's % and _ are literal characters, not wildcards. */
    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
