package dev.shopstack.user.auth;

import dev.shopstack.user.account.UserEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends sessions for good (ADR 0008): revokes their refresh tokens and, in the same transaction, publishes
 * {@code user.sessions-revoked} for the sessions that may still hold a live access token, so the gateway and every
 * service refuse those tokens within seconds instead of at their {@code exp}.
 */
@Component
class SessionRevocations {

    /** The resource servers' allowed clock skew: a token may be accepted this long after its {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final RefreshTokenRepository refreshTokens;
    private final UserEvents events;
    private final AuthProperties properties;
    private final Clock clock;

    SessionRevocations(
            RefreshTokenRepository refreshTokens, UserEvents events, AuthProperties properties, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void endSession(UUID userId, UUID session, SessionEnd reason) {
        Instant now = clock.instant();
        List<UUID> live = liveSessions(userId, now, session::equals);
        refreshTokens.revokeFamily(session, now);
        publish(userId, live, reason, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void endAllSessions(UUID userId, SessionEnd reason) {
        Instant now = clock.instant();
        List<UUID> live = liveSessions(userId, now, session -> true);
        refreshTokens.revokeAllOfUser(userId, now);
        publish(userId, live, reason, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void endOtherSessions(UUID userId, UUID keep, SessionEnd reason) {
        Instant now = clock.instant();
        List<UUID> live = liveSessions(userId, now, session -> !session.equals(keep));
        refreshTokens.revokeAllOfUserExcept(userId, keep, now);
        publish(userId, live, reason, now);
    }

    private List<UUID> liveSessions(UUID userId, Instant now, Predicate<UUID> affected) {
        Instant since = now.minus(properties.accessTokenLifetime()).minus(CLOCK_SKEW);
        return refreshTokens.sessionsIssuingSince(userId, since).stream()
                .filter(affected)
                .sorted()
                .toList();
    }

    private void publish(UUID userId, List<UUID> sessions, SessionEnd reason, Instant now) {
        if (sessions.isEmpty()) {
            return; // no access token of these sessions can still be alive
        }
        events.sessionsRevoked(
                userId,
                sessions,
                reason.reason(),
                now,
                now.plus(properties.accessTokenLifetime()).plus(CLOCK_SKEW));
    }
}
