package dev.shopstack.user.reset;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.PasswordPolicy;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserEvents;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.auth.SessionEnd;
import dev.shopstack.user.auth.SessionService;
import dev.shopstack.user.lockout.LoginThrottle;
import dev.shopstack.user.support.MailThrottle;
import dev.shopstack.user.support.Secrets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a single-use, short-lived token by email; the request never tells if the address exists,
 * and at most one mail per cool-down and a few a day go to one address or account. The token leaves user-service
 * only sealed for notification-service, which builds the link.
 */
@Service
public class PasswordResetService {

    private final UserRepository users;
    private final PasswordResetTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SessionService sessions;
    private final LoginThrottle lockout;
    private final MailThrottle throttle;
    private final UserEvents events;
    private final PasswordResetProperties properties;
    private final Clock clock;

    public PasswordResetService(
            UserRepository users,
            PasswordResetTokenRepository tokens,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            SessionService sessions,
            LoginThrottle lockout,
            MailThrottle throttle,
            UserEvents events,
            PasswordResetProperties properties,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.lockout = lockout;
        this.throttle = throttle;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Silently does nothing for an unknown address or when the address's or the account's limit is reached. */
    @Transactional
    public void request(String email) {
        String address = Emails.normalize(email);
        // counted for every address, known or not: the same work on both paths, and no inbox can be flooded
        if (!throttle.tryAcquire(
                MailThrottle.addressKey("reset-address", address), properties.cooldown(), properties.maxPerDay())) {
            return;
        }
        users.findByEmail(address)
                .filter(user -> throttle.tryAcquire(
                        "reset-account:" + user.getId(), properties.cooldown(), properties.maxPerDay()))
                .ifPresent(this::issueToken);
    }

    private void issueToken(User user) {
        Instant now = clock.instant();
        tokens.invalidateAllOfUser(user.getId(), now);
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        tokens.save(new PasswordResetToken(user.getId(), Secrets.sha256(token), now, expiresAt));
        events.passwordResetRequested(user, token, expiresAt);
    }

    /** Sets the new password, spends the token, lifts every lock of the lockout and ends every session. */
    @Transactional
    public void confirm(String token, String newPassword) {
        Instant now = clock.instant();
        PasswordResetToken reset = tokens.findByTokenHash(Secrets.sha256(token))
                .filter(candidate -> candidate.isUsable(now))
                .orElseThrow(PasswordResetService::invalidToken);
        User user = users.findById(reset.getUserId()).orElseThrow(PasswordResetService::invalidToken);
        String weakness = passwordPolicy.violation(newPassword, user.getEmail(), user.getUsername());
        if (weakness != null) {
            throw ApiProblem.invalidField("newPassword", weakness);
        }
        reset.spend(now);
        user.changePasswordHash(passwordEncoder.encode(newPassword), now);
        lockout.clear(user.getId()); // the mailbox owner proved themselves: no lockout stands in their way
        sessions.endAllSessions(user.getId(), SessionEnd.PASSWORD_RESET);
        events.passwordChanged(user, now);
    }

    private static ApiProblem invalidToken() {
        return ApiProblem.of(
                ProblemType.INVALID_RESET_TOKEN,
                "This reset link is invalid, expired or already used. Request a new one.");
    }
}
