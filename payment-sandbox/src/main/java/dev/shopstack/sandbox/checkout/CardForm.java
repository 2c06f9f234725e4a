package dev.shopstack.sandbox.checkout;

import dev.shopstack.sandbox.intents.TestCards;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed on the card page, checked field by field; {@code errors} maps a field to the message shown
 * beside it. Only Stripe's test cards are accepted.
 */
record CardForm(String cardNumber, String expiry, String cvc, String name) {

    private static final Pattern NUMBER = Pattern.compile("[0-9 -]{12,23}");
    private static final Pattern EXPIRY = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})\\s*");
    private static final Pattern CVC = Pattern.compile("\\d{3,4}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** The checked card, or the errors to show. */
    record Checked(TestCards.Card card, YearMonth expiry, String name, Map<String, String> errors) {}

    Checked check(YearMonth currentMonth) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<TestCards.Card> card = Optional.empty();
        if (cardNumber == null || !NUMBER.matcher(cardNumber).matches()) {
            errors.put("card_number", "Enter the card number: 12 to 19 digits.");
        } else {
            card = TestCards.byNumber(cardNumber);
            if (card.isEmpty()) {
                errors.put("card_number", "Your card number is invalid. This sandbox takes only its test cards.");
            }
        }
        YearMonth expires = null;
        Matcher date = expiry == null ? null : EXPIRY.matcher(expiry);
        if (date == null
                || !date.matches()
                || Integer.parseInt(date.group(1)) < 1
                || Integer.parseInt(date.group(1)) > 12) {
            errors.put("expiry", "Enter the expiry date as MM / YY.");
        } else {
            int year = Integer.parseInt(date.group(2));
            expires = YearMonth.of(year < 100 ? 2000 + year : year, Integer.parseInt(date.group(1)));
            if (expires.isBefore(currentMonth)) {
                errors.put("expiry", "Your card's expiration date is in the past.");
            } else if (expires.isAfter(currentMonth.plusYears(50))) {
                errors.put("expiry", "Your card's expiration year is invalid.");
            }
        }
        if (cvc == null || !CVC.matcher(cvc.trim()).matches()) {
            errors.put("cvc", "Enter the security code: 3 or 4 digits.");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()
                || trimmed.length() > 100
                || CONTROL.matcher(trimmed).find()) {
            errors.put("name", "Enter the name on the card (at most 100 characters).");
        }
        return new Checked(card.orElse(null), expires, trimmed, errors);
    }
}
