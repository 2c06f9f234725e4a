package dev.shopstack.sandbox.checkout;

import dev.shopstack.sandbox.api.Currencies;
import java.math.BigDecimal;
import java.util.Locale;

/** An amount as a person reads it: {@code EUR 12.34}, {@code JPY 500}. */
final class Money {

    private Money() {}

    static String display(long amount, String currency) {
        return currency.toUpperCase(Locale.ROOT) + " "
                + BigDecimal.valueOf(amount, Currencies.decimals(currency)).toPlainString();
    }
}
