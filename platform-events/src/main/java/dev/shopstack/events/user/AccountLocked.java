package dev.shopstack.events.user;

import java.time.Instant;

/**
 * {@code user.account-locked}: many wrong passwords from several addresses locked the whole account for a while;
 * the owner is told (the lock ends by itself, with a password reset, or by an admin).
 *
 * @param failedAttempts wrong passwords counted in the window that led to the lock
 * @param sourceAddresses how many client addresses (IPv6 per /64) they came from
 */
public record AccountLocked(
        String userId,
        String email,
        String firstName,
        int failedAttempts,
        int sourceAddresses,
        Instant lockedAt,
        Instant lockedUntil) {}
