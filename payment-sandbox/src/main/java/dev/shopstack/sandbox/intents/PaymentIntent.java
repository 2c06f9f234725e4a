package dev.shopstack.sandbox.intents;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PaymentIntent as the sandbox keeps it. Amounts are in the currency's smallest unit (whole units for zero-decimal
 * currencies). The sandbox captures automatically, so the statuses it uses are {@code requires_payment_method},
 * {@code requires_confirmation}, {@code succeeded} and {@code canceled}.
 */
public record PaymentIntent(
        String id,
        String clientSecret,
        long amount,
        String currency,
        String status,
        String description,
        Map<String, String> metadata,
        String receiptEmail,
        List<String> paymentMethodTypes,
        boolean automaticMethods,
        String captureMethod,
        String paymentMethod,
        String latestCharge,
        long amountReceived,
        PaymentError lastError,
        String cancellationReason,
        Long canceledAt,
        int attempts,
        long created) {

    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    public static final String REQUIRES_CONFIRMATION = "requires_confirmation";
    public static final String SUCCEEDED = "succeeded";
    public static final String CANCELED = "canceled";

    /** Statuses Stripe lets a PaymentIntent be canceled from. */
    static final Set<String> CANCELABLE =
            Set.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, "requires_action", "requires_capture", "processing");

    /** The card error of the last failed attempt: Stripe's {@code code}, {@code decline_code} and message. */
    public record PaymentError(String code, String declineCode, String message) {}

    /** Whether a customer can still pay it (the hosted page and confirm accept it). */
    public boolean payable() {
        return REQUIRES_PAYMENT_METHOD.equals(status) || REQUIRES_CONFIRMATION.equals(status);
    }

    PaymentIntent succeeded(Charge charge) {
        return new PaymentIntent(
                id,
                clientSecret,
                amount,
                currency,
                SUCCEEDED,
                description,
                metadata,
                receiptEmail,
                paymentMethodTypes,
                automaticMethods,
                captureMethod,
                charge.paymentMethod(),
                charge.id(),
                amount,
                null,
                null,
                null,
                attempts + 1,
                created);
    }

    /** After a decline Stripe detaches the card and asks for another one. */
    PaymentIntent failed(Charge charge) {
        PaymentError error = new PaymentError("card_declined", charge.declineCode(), charge.failureMessage());
        return new PaymentIntent(
                id,
                clientSecret,
                amount,
                currency,
                REQUIRES_PAYMENT_METHOD,
                description,
                metadata,
                receiptEmail,
                paymentMethodTypes,
                automaticMethods,
                captureMethod,
                null,
                charge.id(),
                0,
                error,
                null,
                null,
                attempts + 1,
                created);
    }

    PaymentIntent canceled(String reason, long at) {
        return new PaymentIntent(
                id,
                clientSecret,
                amount,
                currency,
                CANCELED,
                description,
                metadata,
                receiptEmail,
                paymentMethodTypes,
                automaticMethods,
                captureMethod,
                paymentMethod,
                latestCharge,
                amountReceived,
                lastError,
                reason,
                at,
                attempts,
                created);
    }
}
