package dev.shopstack.order.orders;

import java.util.UUID;

/**
 * What the orders feature asks of the card payment feature (which implements it) around an order's life. Neither
 * method throws: an order is placed or cancelled whether or not the payment provider answers.
 */
public interface CardPaymentHooks {

    /** Right after the order commits: creates its payment at the provider (the first attempt, never delayed). */
    void startAfterPlacement(UUID orderId);

    /** Creates the order's payment at the provider if it is still missing and due; a no-op otherwise. */
    void startIfDue(UUID orderId);

    /** The order was cancelled unpaid: cancel its payment at the provider, so it can no longer be paid. */
    void abandon(UUID orderId);

    /** What became of an order's payment when its payment window closed. */
    enum Closing {
        /** Nothing can be paid any more (no intent, or it is cancelled now): the order may be cancelled. */
        CLOSED,
        /** The customer paid at the last moment: the order was marked paid as the webhook would, not cancelled. */
        PAID,
        /** The provider did not say (not reachable, or the payment is still processing): ask again next time. */
        UNKNOWN
    }

    /**
     * The payment window closes: cancels the order's intent at the provider before the order is cancelled, so a
     * customer who paid in the last second is never cancelled and charged.
     */
    Closing closeForExpiry(UUID orderId);
}
