package dev.shopstack.sandbox.api;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The currencies a Stripe account can charge in, how many decimals Stripe gives each, and the smallest charge
 * Stripe accepts (docs: "Supported currencies", "Zero-decimal currencies", "Minimum and maximum charge amounts").
 */
public final class Currencies {

    /** Amounts are whole units: 500 JPY is {@code amount=500}. */
    static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");

    /** Three decimals; Stripe wants amounts that end in 0 (a multiple of 10). */
    static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    static final Set<String> SUPPORTED = Set.of(
            "usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt", "bgn",
            "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf", "clp", "cny",
            "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp", "etb", "eur", "fjd", "fkp", "gbp", "gel",
            "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg", "huf", "idr", "ils", "inr", "isk", "jmd", "jod",
            "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad",
            "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio",
            "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub",
            "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos", "srd", "szl", "thb", "tjs", "tnd", "top",
            "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs", "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf",
            "yer", "zar", "zmw");

    /** Stripe's minimum charge per settlement currency, in minor units; others: the equivalent of 0.50 USD. */
    private static final Map<String, Long> MINIMUM = Map.ofEntries(
            Map.entry("usd", 50L),
            Map.entry("aed", 200L),
            Map.entry("aud", 50L),
            Map.entry("bgn", 100L),
            Map.entry("brl", 50L),
            Map.entry("cad", 50L),
            Map.entry("chf", 50L),
            Map.entry("czk", 1500L),
            Map.entry("dkk", 250L),
            Map.entry("eur", 50L),
            Map.entry("gbp", 30L),
            Map.entry("hkd", 400L),
            Map.entry("huf", 17500L),
            Map.entry("inr", 50L),
            Map.entry("jpy", 50L),
            Map.entry("mxn", 1000L),
            Map.entry("myr", 200L),
            Map.entry("nok", 300L),
            Map.entry("nzd", 50L),
            Map.entry("pln", 200L),
            Map.entry("ron", 200L),
            Map.entry("sek", 300L),
            Map.entry("sgd", 50L),
            Map.entry("thb", 1000L));

    /** Stripe's ceiling for one charge: eight digits of minor units. */
    static final long MAXIMUM = 99_999_999L;

    private Currencies() {}

    /** The currency in Stripe's lower case, or Stripe's 400 for one it does not support. */
    public static String require(String currency, String param) {
        String lower = currency.toLowerCase(Locale.ROOT);
        if (!SUPPORTED.contains(lower)) {
            throw StripeApiException.invalid(
                    param,
                    "parameter_invalid_string",
                    "Invalid currency: " + Ids.printable(lower) + ". Stripe currently supports these currencies: "
                            + String.join(", ", new java.util.TreeSet<>(SUPPORTED)));
        }
        return lower;
    }

    public static int decimals(String currency) {
        return ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
    }

    /** Checks a charge amount as Stripe does: positive, at least the minimum, at most eight digits. */
    public static void checkChargeAmount(long amount, String currency, String param) {
        if (amount < 1) {
            throw StripeApiException.invalid(
                    param, "parameter_invalid_integer", "This value must be greater than or equal to 1.");
        }
        long minimum = MINIMUM.getOrDefault(currency, decimals(currency) == 0 ? 1L : 50L);
        if (amount < minimum) {
            throw StripeApiException.invalid(
                    param, "amount_too_small", "Amount must be at least " + format(minimum, currency));
        }
        if (amount > MAXIMUM) {
            throw StripeApiException.invalid(
                    param, "amount_too_large", "Amount must be no more than " + format(MAXIMUM, currency));
        }
        if (THREE_DECIMAL.contains(currency) && amount % 10 != 0) {
            throw StripeApiException.invalid(
                    param,
                    "invalid_amount",
                    "Amounts in " + currency + " must be a multiple of 10 (the last digit must be 0).");
        }
    }

    /** {@code 1234, "eur"} → {@code 12.34 eur}; {@code 500, "jpy"} → {@code 500 jpy}. */
    public static String format(long amount, String currency) {
        return BigDecimal.valueOf(amount, decimals(currency)).toPlainString() + " " + currency;
    }
}
