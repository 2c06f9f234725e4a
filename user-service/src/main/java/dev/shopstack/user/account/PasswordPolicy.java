package dev.shopstack.user.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 8 characters, at most 72 bytes (bcrypt's limit), not the email or the
 * username, and not one of the bundled most common passwords.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        try (var in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt"), StandardCharsets.UTF_8))) {
            common = in.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return why the password is refused, or null when it is acceptable */
    public String violation(String password, String email, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes long";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.equals(Emails.normalize(email))
                || (username != null && lower.equals(username.toLowerCase(Locale.ROOT)))) {
            return "must not be your email or username";
        }
        if (common.contains(lower)) {
            return "is one of the most common passwords; choose another";
        }
        return null;
    }
}
