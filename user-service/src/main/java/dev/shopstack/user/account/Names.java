package dev.shopstack.user.account;

/**
 * What a first or last name may contain: letters of any script, combining marks, spaces and {@code . ' -}. Names
 * appear in security mails ("Hello Ada,"), so they must not be able to carry a link or a sentence with one.
 */
public final class Names {

    public static final String PATTERN = "^[\\p{L}\\p{M} .'-]*$";
    public static final String MESSAGE = "may contain only letters, spaces and . ' -";

    private Names() {}
}
