package dev.shopstack.order.orders;

import java.util.Set;

/** {@code PENDING_PAYMENT → PAID → SHIPPED → DELIVERED}; {@code CANCELLED} from PENDING_PAYMENT or PAID. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLED;

    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PENDING_PAYMENT -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> Set.of(SHIPPED, CANCELLED).contains(next);
            case SHIPPED -> next == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }
}
