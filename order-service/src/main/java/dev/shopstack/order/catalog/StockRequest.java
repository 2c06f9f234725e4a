package dev.shopstack.order.catalog;

import java.util.List;

/** The body of a reserve call: product ids and quantities. */
public record StockRequest(List<Line> lines) {

    public record Line(long productId, int quantity) {}
}
