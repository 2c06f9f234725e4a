package dev.shopstack.order.orders;

import java.util.Set;

/**
 * {@code PENDING_PAYMENT → PAID → SHIPPED → DELIVERED}; {@code CANCELLED} from PENDING_PAYMENT or PAID;
 * {@code REFUNDED} once refunds cover the whole payment, from PAID or from a paid order that was CANCELLED.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REFUNDED;

    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PENDING_PAYMENT -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> Set.of(SHIPPED, CANCELLED, REFUNDED).contains(next);
            case SHIPPED -> next == DELIVERED;
            case CANCELLED -> next == REFUNDED;
            case DELIVERED, REFUNDED -> false;
        };
    }
}
