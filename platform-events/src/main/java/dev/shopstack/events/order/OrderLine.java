package dev.shopstack.events.order;

import java.math.BigDecimal;

/** One line of an order as it was snapshotted when the order was placed. */
public record OrderLine(
        String productId, String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
