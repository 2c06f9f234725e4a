package dev.shopstack.user.auth;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.support.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions: an access token plus a rotating refresh token. Every refresh spends the presented token and issues a
 * new one in the same family; presenting a spent token again means it was stolen (or replayed), so the whole
 * family is revoked. A session lives at most {@code shop.auth.session-max-lifetime} from its first login, however
 * often it is refreshed. Ending sessions also revokes their access tokens ({@link SessionRevocations}).
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final AccessTokenIssuer accessTokens;
    private final SessionRevocations revocations;
    private final AuthProperties properties;
    private final Clock clock;

    public SessionService(
            RefreshTokenRepository refreshTokens,
            UserRepository users,
            AccessTokenIssuer accessTokens,
            SessionRevocations revocations,
            AuthProperties properties,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TokenResponse startSession(User user) {
        Instant now = clock.instant();
        return issue(user, UUID.randomUUID(), now, now);
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public TokenResponse refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens
                .findByTokenHash(Secrets.sha256(presented))
                .orElseThrow(SessionService::invalidRefreshToken);
        if (token.getRevokedAt() != null || !now.isBefore(token.getExpiresAt())) {
            throw invalidRefreshToken();
        }
        if (token.getUsedAt() != null || refreshTokens.spend(token.getId(), now) == 0) {
            log.warn("Refresh token reuse for user {}: the session is revoked", token.getUserId());
            revocations.endSession(token.getUserId(), token.getFamilyId(), SessionEnd.REFRESH_TOKEN_REUSE);
            throw invalidRefreshToken();
        }
        User user = users.findById(token.getUserId()).orElseThrow(SessionService::invalidRefreshToken);
        if (user.isLocked()) {
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            throw invalidRefreshToken();
        }
        return issue(user, token.getFamilyId(), token.getSessionStartedAt(), now);
    }

    /**
     * Ends the session the token belongs to, or all of the user's sessions. Only a live refresh token may do it:
     * a spent, revoked, expired or unknown one is refused, so an old leaked token cannot log anyone out.
     */
    @Transactional
    public void logout(String presented, boolean everywhere) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens
                .findByTokenHash(Secrets.sha256(presented))
                .filter(candidate -> candidate.getRevokedAt() == null
                        && candidate.getUsedAt() == null
                        && now.isBefore(candidate.getExpiresAt()))
                .orElseThrow(SessionService::invalidRefreshToken);
        if (everywhere) {
            revocations.endAllSessions(token.getUserId(), SessionEnd.LOGOUT_ALL);
        } else {
            revocations.endSession(token.getUserId(), token.getFamilyId(), SessionEnd.LOGOUT);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void endAllSessions(UUID userId, SessionEnd reason) {
        revocations.endAllSessions(userId, reason);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void endOtherSessions(UUID userId, UUID keepSession, SessionEnd reason) {
        revocations.endOtherSessions(userId, keepSession, reason);
    }

    private TokenResponse issue(User user, UUID family, Instant sessionStartedAt, Instant now) {
        Instant sessionEnd = sessionStartedAt.plus(properties.sessionMaxLifetime());
        if (!now.isBefore(sessionEnd)) {
            refreshTokens.revokeFamily(family, now);
            throw ApiProblem.of(ProblemType.SESSION_EXPIRED, "This session has reached its maximum age. Log in again.");
        }
        Instant refreshExpiry = now.plus(properties.refreshTokenLifetime());
        String refresh = Secrets.newToken();
        refreshTokens.save(new RefreshToken(
                user.getId(),
                family,
                Secrets.sha256(refresh),
                sessionStartedAt,
                now,
                refreshExpiry.isBefore(sessionEnd) ? refreshExpiry : sessionEnd));
        return new TokenResponse(
                accessTokens.issue(user, family, now),
                refresh,
                "Bearer",
                properties.accessTokenLifetime().toSeconds());
    }

    private static ApiProblem invalidRefreshToken() {
        return ApiProblem.of(
                ProblemType.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or revoked. Log in again.");
    }
}
