package dev.shopstack.user.auth;

import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.support.ApiProblem;
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
 * family is revoked.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final AccessTokenIssuer accessTokens;
    private final AuthProperties properties;
    private final Clock clock;

    public SessionService(RefreshTokenRepository refreshTokens, UserRepository users, AccessTokenIssuer accessTokens,
            AuthProperties properties, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TokenResponse startSession(User user) {
        return issue(user, UUID.randomUUID(), clock.instant());
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public TokenResponse refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByTokenHash(Secrets.sha256(presented))
                .orElseThrow(SessionService::invalidRefreshToken);
        if (token.getRevokedAt() != null || now.isAfter(token.getExpiresAt())) {
            throw invalidRefreshToken();
        }
        if (token.getUsedAt() != null || refreshTokens.spend(token.getId(), now) == 0) {
            int revoked = refreshTokens.revokeFamily(token.getFamilyId(), now);
            log.warn("Refresh token reuse for user {}: revoked {} token(s) of the session", token.getUserId(), revoked);
            throw invalidRefreshToken();
        }
        User user = users.findById(token.getUserId()).orElseThrow(SessionService::invalidRefreshToken);
        if (user.isLocked()) {
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            throw invalidRefreshToken();
        }
        return issue(user, token.getFamilyId(), now);
    }

    /** Ends the session the token belongs to, or all of the user's sessions. Unknown tokens are ignored. */
    @Transactional
    public void logout(String presented, boolean everywhere) {
        Instant now = clock.instant();
        refreshTokens.findByTokenHash(Secrets.sha256(presented)).ifPresent(token -> {
            if (everywhere) {
                refreshTokens.revokeAllOfUser(token.getUserId(), now);
            } else {
                refreshTokens.revokeFamily(token.getFamilyId(), now);
            }
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void endAllSessions(UUID userId) {
        refreshTokens.revokeAllOfUser(userId, clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void endOtherSessions(UUID userId, UUID keepSession) {
        refreshTokens.revokeAllOfUserExcept(userId, keepSession, clock.instant());
    }

    private TokenResponse issue(User user, UUID family, Instant now) {
        String refresh = Secrets.newToken();
        refreshTokens.save(new RefreshToken(user.getId(), family, Secrets.sha256(refresh), now,
                now.plus(properties.refreshTokenLifetime())));
        return new TokenResponse(accessTokens.issue(user, family, now), refresh, "Bearer",
                properties.accessTokenLifetime().toSeconds());
    }

    private static ApiProblem invalidRefreshToken() {
        return ApiProblem.unauthorized("invalid-refresh-token",
                "The refresh token is invalid, expired or revoked. Log in again.");
    }
}
