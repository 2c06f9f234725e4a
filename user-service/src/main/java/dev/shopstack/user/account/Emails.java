package dev.shopstack.user.account;

import java.util.Locale;

/** Email addresses are stored trimmed and lower-cased, which makes their uniqueness case-insensitive. */
public final class Emails {

    private Emails() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
