package dev.shopstack.sandbox.intents;

/** What a test card does when charged, with the error Stripe answers for it. */
public enum CardOutcome {
    SUCCEEDS(null, "Payment complete."),
    DECLINED("generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS("insufficient_funds", "Your card has insufficient funds.");

    private final String declineCode;
    private final String message;

    CardOutcome(String declineCode, String message) {
        this.declineCode = declineCode;
        this.message = message;
    }

    public boolean succeeds() {
        return this == SUCCEEDS;
    }

    /** Stripe's {@code decline_code}; null when the card succeeds. */
    public String declineCode() {
        return declineCode;
    }

    /** The message Stripe shows the customer for a decline, or the seller message of a success. */
    public String message() {
        return message;
    }
}
