package dev.shopstack.order.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Amounts as payment providers take them: an integer in the currency's smallest unit. EUR 25.99 is 2599, JPY 500
 * is 500 (zero-decimal: no minor unit), KWD 1.500 is 1500 (three decimals). The lists are Stripe's.
 */
public final class MinorUnits {

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
            "XPF");
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    private MinorUnits() {}

    /** How many decimals the currency has. */
    public static int decimals(String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /**
     * The amount in minor units. An amount with more decimals than the currency has (JPY 500.50) cannot be
     * charged exactly: an {@link ArithmeticException}, never a silently rounded charge.
     */
    public static long of(BigDecimal amount, String currency) {
        return amount.setScale(decimals(currency), RoundingMode.UNNECESSARY)
                .movePointRight(decimals(currency))
                .longValueExact();
    }

    /** Back from minor units to the amount. */
    public static BigDecimal toAmount(long minor, String currency) {
        return BigDecimal.valueOf(minor, decimals(currency));
    }
}
