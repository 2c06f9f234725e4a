package dev.shopstack.catalog.product;

import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

/** The orders the product list offers; the id breaks ties so paging is stable. */
public enum ProductSort {
    NEWEST(Sort.by(Direction.DESC, "createdAt", "id")),
    PRICE_ASC(Sort.by(Direction.ASC, "price", "id")),
    PRICE_DESC(Sort.by(Direction.DESC, "price").and(Sort.by(Direction.ASC, "id"))),
    NAME(Sort.by(Direction.ASC, "name", "id"));

    /** The request parameter's accepted values, for validation. */
    static final String PARAMETER_VALUES = "newest|price_asc|price_desc|name";

    private final Sort sort;

    ProductSort(Sort sort) {
        this.sort = sort;
    }

    Sort sort() {
        return sort;
    }

    static ProductSort fromParameter(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
