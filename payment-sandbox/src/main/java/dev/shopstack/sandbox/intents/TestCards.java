package dev.shopstack.sandbox.intents;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's test cards that the sandbox knows, by number (typed on the hosted page) and by the ready-made test
 * PaymentMethod ids an integration passes to confirm. Any other number is an invalid card.
 */
public final class TestCards {

    /** A known card: its brand, last four digits and what charging it does. */
    public record Card(String brand, String last4, CardOutcome outcome) {}

    private static final Card VISA = new Card("visa", "4242", CardOutcome.SUCCEEDS);
    private static final Card DECLINED = new Card("visa", "0002", CardOutcome.DECLINED);
    private static final Card INSUFFICIENT = new Card("visa", "9995", CardOutcome.INSUFFICIENT_FUNDS);

    private static final Map<String, Card> BY_NUMBER = Map.of(
            "4242424242424242", VISA,
            "4000000000000002", DECLINED,
            "4000000000009995", INSUFFICIENT);

    private static final Map<String, Card> BY_TEST_PAYMENT_METHOD = Map.of(
            "pm_card_visa", VISA,
            "pm_card_chargeDeclined", DECLINED,
            "pm_card_chargeDeclinedInsufficientFunds", INSUFFICIENT);

    private TestCards() {}

    /** The card for a number as typed (spaces and dashes ignored), if it is one of the test cards. */
    public static Optional<Card> byNumber(String typed) {
        return Optional.ofNullable(BY_NUMBER.get(typed.replaceAll("[\\s-]", "")));
    }

    public static Optional<Card> byTestPaymentMethod(String id) {
        return Optional.ofNullable(BY_TEST_PAYMENT_METHOD.get(id));
    }
}
