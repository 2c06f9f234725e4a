package dev.shopstack.user.auth;

import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.support.ApiProblem;
import dev.shopstack.user.verification.VerificationProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login by email or username. Unknown user, wrong password and locked account get the same answer after the same
 * work (one password hash check each), so neither the body nor the timing tells whether an account exists.
 */
@Service
public class LoginService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SessionService sessions;
    private final AuthProperties properties;
    private final VerificationProperties verification;
    private final Clock clock;
    /** Checked against when there is no real hash to check, to spend the same time. */
    private final String decoyHash;

    public LoginService(UserRepository users, PasswordEncoder passwordEncoder, SessionService sessions,
            AuthProperties properties, VerificationProperties verification, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.properties = properties;
        this.verification = verification;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-timing");
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public TokenResponse login(String login, String password) {
        Instant now = clock.instant();
        Optional<User> found = find(login);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            throw invalidCredentials();
        }
        User user = found.get();
        if (user.isLocked() || user.isTemporarilyLocked(now)) {
            passwordEncoder.matches(password, decoyHash);
            throw invalidCredentials();
        }
        if (!passwordEncoder.matches(password, user.getPasswordHash())) {
            user.recordFailedLogin(properties.maxFailedLogins(), properties.lockoutDuration(), now);
            throw invalidCredentials();
        }
        user.recordSuccessfulLogin();
        if (verification.requiredForLogin() && !user.isEmailVerified()) {
            throw ApiProblem.forbidden("email-not-verified",
                    "Verify your email address first: enter the code we sent, or ask for a new one.");
        }
        return sessions.startSession(user);
    }

    private Optional<User> find(String login) {
        String trimmed = login.trim();
        return trimmed.contains("@") ? users.findByEmail(Emails.normalize(trimmed)) : users.findByUsername(trimmed);
    }

    private static ApiProblem invalidCredentials() {
        return ApiProblem.unauthorized("invalid-credentials",
                "The login or password is wrong, or the account is temporarily locked.");
    }
}
