package dev.shopstack.order.payment;

import java.util.UUID;

/**
 * The card payment provider, as order-service needs it: create, read, cancel and refund the payment of an order, and
 * verify the provider's webhooks. No provider types cross this port; the {@code stripe} adapter implements it
 * with stripe-java (against api.stripe.com, or payment-sandbox locally and in tests).
 *
 * <p>Every call may throw {@link PaymentProviderException}; calls are bounded by the adapter's timeouts.
 */
public interface PaymentProvider {

    /** What to charge: the amount in the currency's minor units (see {@code MinorUnits}). */
    record IntentRequest(UUID orderId, long amount, String currency, String description) {}

    /**
     * An intent as the provider reports it.
     *
     * @param status the provider's status, e.g. {@code requires_payment_method}, {@code succeeded}
     * @param amountReceived what the provider actually collected, in minor units (0 until it succeeded)
     * @param checkoutUrl a page where a person can pay it (the sandbox's hosted card page), or null
     * @param failure the last payment attempt's error message, or null
     * @param orderId the order it was created for (its metadata), or null
     */
    record Intent(
            String id,
            String status,
            long amount,
            long amountReceived,
            String currency,
            String clientSecret,
            String checkoutUrl,
            String failure,
            String orderId) {}

    /**
     * A refund as the provider reports it.
     *
     * @param status the provider's status: {@code succeeded}, {@code pending}, {@code failed} or {@code canceled}
     * @param failure why it failed, or null
     */
    record RefundResult(String id, String status, long amount, String currency, String failure) {}

    /**
     * A verified webhook event.
     *
     * @param orderId the order the intent was created for (its metadata), or null for other objects
     * @param amount the amount charged; for {@link Kind#REFUNDED}, all that was refunded of it so far
     * @param amountReceived what the provider collected, in minor units: the amount a success is checked by
     */
    record Event(
            String id,
            Kind kind,
            String type,
            String intentId,
            String orderId,
            long amount,
            long amountReceived,
            String currency,
            String failure) {

        public enum Kind {
            PAYMENT_SUCCEEDED,
            PAYMENT_FAILED,
            REFUNDED,
            OTHER
        }
    }

    /** Creates the order's intent; idempotent by order id (a repeated call answers the same intent). */
    Intent create(IntentRequest request);

    Intent retrieve(String intentId);

    Intent cancel(String intentId);

    /**
     * Refunds part (or all) of the intent's payment; idempotent by key, so a retry after a lost answer answers
     * the refund already made instead of refunding twice.
     *
     * @param reason the shop's words, kept with the refund at the provider
     */
    RefundResult refund(String intentId, long amountMinor, String reason, String idempotencyKey);

    RefundResult retrieveRefund(String refundId);

    /** The request header that carries the webhook's signature. */
    String signatureHeader();

    /**
     * Checks the signature (and its age) over the raw body and reads the event.
     *
     * @throws InvalidWebhookException when it is not a genuine, fresh event of this provider
     */
    Event verify(String payload, String signature);
}
