package dev.shopstack.sandbox.api;

import java.security.SecureRandom;

/** Stripe-shaped identifiers: a type prefix and 24 random letters and digits ({@code pi_3MtwBwLkdIwHu7ix28a3tqPa}). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    public static String newId(String prefix) {
        return prefix + "_" + random(24);
    }

    /** A PaymentIntent's client secret: its id, {@code _secret_} and 25 random characters (about 148 bits). */
    public static String clientSecret(String intentId) {
        return intentId + "_secret_" + random(25);
    }

    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /** An id from a request, cut and cleaned so an error message can quote it without echoing hostile text. */
    public static String printable(String id) {
        String cut = id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
