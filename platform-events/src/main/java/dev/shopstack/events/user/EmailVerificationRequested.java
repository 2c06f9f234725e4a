package dev.shopstack.events.user;

import java.time.Instant;

/**
 * {@code user.email-verification-requested}: send this one-time code to this address. The code is only in this
 * event and in the email; user-service stores nothing but its hash.
 */
public record EmailVerificationRequested(String userId, String email, String firstName, String code,
        Instant expiresAt) {
}
