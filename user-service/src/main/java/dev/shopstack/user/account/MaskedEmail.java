package dev.shopstack.user.account;

/** An address shown to someone who may not be its owner: the first character of the local part and the domain. */
public final class MaskedEmail {

    private MaskedEmail() {}

    public static String of(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
