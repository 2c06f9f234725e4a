package dev.shopstack.web.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The account service's password rules as the sign-up and password pages show them while the person types. The
 * account service decides in the end (it also refuses the most common passwords, a list only it holds).
 */
public final class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    public record Rule(String text, boolean met) {}

    private PasswordRules() {}

    public static List<Rule> check(String password, String confirmation, String email, String username) {
        String value = password == null ? "" : password;
        String lower = value.toLowerCase(Locale.ROOT);
        boolean notIdentity = !value.isEmpty()
                && !(email != null && lower.equals(email.trim().toLowerCase(Locale.ROOT)))
                && !(username != null && lower.equals(username.trim().toLowerCase(Locale.ROOT)));
        return List.of(
                new Rule("At least " + MIN_LENGTH + " characters", value.length() >= MIN_LENGTH),
                new Rule(
                        "At most " + MAX_BYTES + " bytes (about 72 letters)",
                        value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES),
                new Rule("Not your email address or username", notIdentity),
                new Rule("Both passwords match", !value.isEmpty() && value.equals(confirmation)));
    }

    public static boolean allMet(List<Rule> rules) {
        return rules.stream().allMatch(Rule::met);
    }
}
