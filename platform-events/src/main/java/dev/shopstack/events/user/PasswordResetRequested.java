package dev.shopstack.events.user;

import java.time.Instant;

/**
 * {@code user.password-reset-requested}: mail a reset link to the account's address. The single-use token travels
 * sealed (ADR 0009); notification-service opens it and builds the link from its own front-end URL, so an event
 * cannot point a mail at another host.
 *
 * @param sealedToken the reset token, sealed with the event type and {@code userId} as associated data
 */
public record PasswordResetRequested(
        String userId, String email, String firstName, String sealedToken, Instant expiresAt) {}
