package dev.shopstack.platform.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions whose access tokens must be refused, each until the moment no token of it can still be alive
 * ({@code expiresAt}, ADR 0008). Filled by {@link SessionRevocationsConsumer}; an entry is dropped once past its
 * {@code expiresAt}, so the list holds only the last access-token lifetime's worth of revocations.
 */
public class RevocationList {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public RevocationList(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the session's tokens until {@code expiresAt}; a later {@code expiresAt} for the same session wins. */
    public void revoke(String sessionId, Instant expiresAt) {
        if (sessionId == null
                || sessionId.isBlank()
                || expiresAt == null
                || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        revoked.merge(sessionId, expiresAt, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    public boolean isRevoked(String sessionId) {
        Instant until = revoked.get(sessionId);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        revoked.remove(sessionId, until);
        return false;
    }

    /** Drops every entry past its {@code expiresAt}. */
    public void purgeExpired() {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> !now.isBefore(until));
    }

    public int size() {
        return revoked.size();
    }
}
