package dev.shopstack.events.user;

import java.time.Instant;

/** {@code user.password-reset-requested}: send this reset link (it carries the single-use token). */
public record PasswordResetRequested(String userId, String email, String firstName, String resetLink,
        Instant expiresAt) {
}
