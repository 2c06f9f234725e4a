package dev.shopstack.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;

/**
 * The order's card payment at the provider (a Stripe PaymentIntent): kept on the order row, so the intent id is
 * found from the order and the order from the intent id. Changed only through {@link Order}'s transaction.
 */
@Embeddable
public class CardPayment {

    /** Where the card payment stands; the order's own status says whether it is paid. */
    public enum State {
        /** No intent yet: the provider was down or slow at placement; the retry job (or the next GET) creates it. */
        INTENT_PENDING,
        /** The intent exists; the customer can pay it. */
        REQUIRES_PAYMENT,
        /** The last card attempt failed; the same intent can still be paid with another card. */
        FAILED,
        /** The provider reported the payment; the order is PAID. */
        SUCCEEDED,
        /** The provider reported something that does not fit the order (amount, currency, order no longer open). */
        REVIEW
    }

    private static final int MAX_FAILURE = 500;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_state", length = 20)
    private State state;

    @Column(name = "payment_intent_id")
    private String intentId;

    @Column(name = "payment_client_secret")
    private String clientSecret;

    @Column(name = "payment_checkout_url", length = 2048)
    private String checkoutUrl;

    @Column(name = "payment_failure", length = MAX_FAILURE)
    private String failure;

    @Column(name = "payment_attempts", nullable = false)
    private int attempts;

    private static final Duration PLACEMENT_ATTEMPT = Duration.ofSeconds(10);

    @Column(name = "payment_next_attempt_at")
    private Instant nextAttemptAt;

    protected CardPayment() {}

    static CardPayment pending(Instant now) {
        CardPayment payment = new CardPayment();
        payment.state = State.INTENT_PENDING;
        // placing the order makes the first attempt itself; the retry job and reads step in only after it had
        // its time (connect and read timeouts), or both would send the same idempotency key at once
        payment.nextAttemptAt = now.plus(PLACEMENT_ATTEMPT);
        return payment;
    }

    public boolean intentDue(Instant now) {
        return state == State.INTENT_PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }

    /** The provider could not be reached: try again later, waiting longer each time (at most 5 minutes). */
    public void creationFailed(String reason, Instant now) {
        attempts++;
        Duration wait = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 5L << Math.min(attempts - 1, 10)));
        nextAttemptAt = now.plus(wait);
        failure = bounded(reason);
    }

    public void intentCreated(String intentId, String clientSecret, String checkoutUrl) {
        this.state = State.REQUIRES_PAYMENT;
        this.intentId = intentId;
        this.clientSecret = clientSecret;
        this.checkoutUrl = checkoutUrl;
        this.failure = null;
        this.nextAttemptAt = null;
    }

    public void attemptFailed(String reason) {
        state = State.FAILED;
        failure = bounded(reason);
    }

    /**
     * The provider collected the payment. Its intent id is kept when the order did not know it yet: the success
     * can arrive before the id the provider answered at creation was stored.
     */
    public void succeeded(String paidIntentId) {
        state = State.SUCCEEDED;
        failure = null;
        nextAttemptAt = null;
        if (intentId == null) {
            intentId = paidIntentId;
        }
    }

    /** Waiting for the customer's card (the webhook or reconciliation says how it went). */
    public boolean awaitingCard() {
        return state == State.REQUIRES_PAYMENT || state == State.FAILED;
    }

    public void needsReview(String reason) {
        state = State.REVIEW;
        failure = bounded(reason);
        nextAttemptAt = null;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE);
    }

    public State getState() {
        return state;
    }

    public String getIntentId() {
        return intentId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public String getFailure() {
        return failure;
    }

    public int getAttempts() {
        return attempts;
    }
}
