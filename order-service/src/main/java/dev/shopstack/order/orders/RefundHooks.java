package dev.shopstack.order.orders;

import java.util.UUID;

/**
 * What cancelling asks of the refunds feature (which implements it): a paid order that is cancelled gets its money
 * back. The refund is recorded in the cancelling transaction, so it cannot be lost, and sent after the commit.
 */
public interface RefundHooks {

    /**
     * In the cancelling transaction, before the order is CANCELLED: if it was paid, records a refund of all that
     * is not refunded yet. Answers whether it recorded one.
     */
    boolean refundRestOnCancel(Order order, String reason, String requestedBy);

    /** After the commit: sends the order's requested refunds to the provider. Never throws (a job retries). */
    void sendRequested(UUID orderId);

    /**
     * In the deleting transaction: why the order's money keeps it (a refund still on its way, or a cancelled paid
     * order not refunded in full), or null if nothing is owed. Deleting it would drop the refunds with it.
     */
    String moneyStillOwed(Order order);
}
