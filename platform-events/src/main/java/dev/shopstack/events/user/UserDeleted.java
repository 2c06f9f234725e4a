package dev.shopstack.events.user;

import java.time.Instant;

/** {@code user.deleted}: the account is gone; other services anonymize what they hold about this user. */
public record UserDeleted(String userId, Instant deletedAt) {}
