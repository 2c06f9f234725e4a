package dev.shopstack.events.user;

import java.time.Instant;

/**
 * {@code user.email-verification-requested}: send this one-time code to this address. The code travels sealed
 * (ADR 0009): only notification-service can open {@code sealedCode}, with the event type and {@code userId} as
 * associated data. user-service keeps nothing but the code's hash.
 *
 * @param email the address to verify: a new account's address, or the pending address of an email change
 * @param sealedCode the 6-digit code, sealed ({@code v1.} + base64url of nonce, ciphertext and tag)
 */
public record EmailVerificationRequested(
        String userId, String email, String firstName, String sealedCode, Instant expiresAt) {}
