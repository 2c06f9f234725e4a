package dev.shopstack.order.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are stored with two decimals (DECIMAL(19,2)); catalog prices already have at most two. */
final class Money {

    private Money() {}

    static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
