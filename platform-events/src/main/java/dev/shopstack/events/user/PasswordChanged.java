package dev.shopstack.events.user;

import java.time.Instant;

/** {@code user.password-changed}: a security notice to the account's address ("if this was not you..."). */
public record PasswordChanged(String userId, String email, String firstName, Instant changedAt) {}
