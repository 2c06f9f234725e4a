package dev.shopstack.user.reset;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.PasswordChanged;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.platform.outbox.Outbox;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.PasswordPolicy;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.auth.SessionService;
import dev.shopstack.user.support.ApiProblem;
import dev.shopstack.user.support.FieldProblems;
import dev.shopstack.user.support.Secrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forgotten passwords: a single-use, short-lived link by email; the request never tells if the address exists. */
@Service
public class PasswordResetService {

    private final UserRepository users;
    private final PasswordResetTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SessionService sessions;
    private final Outbox outbox;
    private final PasswordResetProperties properties;
    private final Clock clock;

    public PasswordResetService(UserRepository users, PasswordResetTokenRepository tokens,
            PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, SessionService sessions, Outbox outbox,
            PasswordResetProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void request(String email) {
        users.findByEmail(Emails.normalize(email)).ifPresent(user -> {
            Instant now = clock.instant();
            tokens.invalidateAllOfUser(user.getId(), now);
            String token = Secrets.newToken();
            Instant expiresAt = now.plus(properties.tokenLifetime());
            tokens.save(new PasswordResetToken(user.getId(), Secrets.sha256(token), now, expiresAt));
            String link = properties.linkBase() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            outbox.publish(Topics.USER_EVENTS, EventTypes.USER_PASSWORD_RESET_REQUESTED, user.getId().toString(),
                    new PasswordResetRequested(user.getId().toString(), user.getEmail(), user.getFirstName(), link,
                            expiresAt));
        });
    }

    /** Sets the new password, spends the token and ends every session of the user. */
    @Transactional
    public void confirm(String token, String newPassword) {
        Instant now = clock.instant();
        PasswordResetToken reset = tokens.findByTokenHash(Secrets.sha256(token))
                .filter(candidate -> candidate.isUsable(now))
                .orElseThrow(() -> ApiProblem.badRequest("invalid-reset-token",
                        "This reset link is invalid, expired or already used. Request a new one."));
        User user = users.findById(reset.getUserId()).orElseThrow(() -> ApiProblem.badRequest(
                "invalid-reset-token", "This reset link is invalid, expired or already used. Request a new one."));
        String weakness = passwordPolicy.violation(newPassword, user.getEmail(), user.getUsername());
        if (weakness != null) {
            throw FieldProblems.of("newPassword", weakness);
        }
        reset.spend(now);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        user.recordSuccessfulLogin(); // a reset also lifts a temporary lockout
        sessions.endAllSessions(user.getId());
        publishPasswordChanged(outbox, user, now);
    }

    public static void publishPasswordChanged(Outbox outbox, User user, Instant now) {
        outbox.publish(Topics.USER_EVENTS, EventTypes.USER_PASSWORD_CHANGED, user.getId().toString(),
                new PasswordChanged(user.getId().toString(), user.getEmail(), user.getFirstName(), now));
    }
}
