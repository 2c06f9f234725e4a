package dev.shopstack.events.user;

import java.time.Instant;
import java.util.List;

/**
 * {@code user.sessions-revoked} on {@code session-revocations}: access tokens of these sessions (claim {@code sid})
 * must be refused from now on. After {@code expiresAt} no token of them can still be alive (ADR 0008).
 *
 * @param reason why, for logs and audits: logout, logout-all, password-changed, password-reset, locked,
 *     roles-changed, deleted, refresh-token-reuse (a spent refresh token came back: the session was stolen)
 */
public record SessionsRevoked(
        String userId, List<String> sessionIds, String reason, Instant revokedAt, Instant expiresAt) {}
