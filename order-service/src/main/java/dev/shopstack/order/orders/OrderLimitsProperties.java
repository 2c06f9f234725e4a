package dev.shopstack.order.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much stock one customer may hold without paying (OWASP API6: a customer must not be able to reserve the shop
 * empty). Reservations last the payment window, so these bound what one account can take off the shelves at once.
 *
 * @param maxOpenUnpaid orders awaiting payment per customer; one more is refused with 409
 * @param maxUnitsPerLine units of one product in one order; more is refused with 422
 * @param maxUnitsPerOrder units over all lines of one order; more is refused with 422
 */
@ConfigurationProperties("shop.orders.limits")
public record OrderLimitsProperties(
        @DefaultValue("3") int maxOpenUnpaid,
        @DefaultValue("20") int maxUnitsPerLine,
        @DefaultValue("100") int maxUnitsPerOrder) {

    public OrderLimitsProperties {
        if (maxOpenUnpaid < 1 || maxUnitsPerLine < 1 || maxUnitsPerOrder < maxUnitsPerLine) {
            throw new IllegalArgumentException("shop.orders.limits needs max-open-unpaid >= 1, max-units-per-line "
                    + ">= 1 and max-units-per-order >= max-units-per-line");
        }
    }
}
