package dev.shopstack.order.orders;

import java.util.List;

/**
 * What the payments feature (which implements it) has recorded of an order: how it was paid and its refunds. The
 * order's own view shows them; lists do not ask (one more query per order).
 */
public interface PaymentRecords {

    /** In the caller's read transaction; the provider's ids included (the view hides them from customers). */
    Recorded of(Order order);

    /**
     * @param method how the order was paid ({@code CARD}, {@code MANUAL}); null while it is unpaid
     * @param refunds oldest first, failed ones included
     */
    record Recorded(String method, List<OrderView.Refund> refunds) {}
}
