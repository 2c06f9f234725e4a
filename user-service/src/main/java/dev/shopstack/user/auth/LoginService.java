package dev.shopstack.user.auth;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.lockout.ClientAddress;
import dev.shopstack.user.lockout.PasswordAttempts;
import dev.shopstack.user.verification.VerificationProperties;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login by email or username. Unknown user, wrong password and a locked account or (account, address) pair get
 * the same answer after the same work (one password hash check each), so neither the body nor the timing tells
 * whether an account exists or is locked. The steps run in separate short transactions: the attempt is counted
 * and committed before the password hash is checked (see {@link PasswordAttempts}).
 */
@Service
public class LoginService {

    private final UserRepository users;
    private final PasswordAttempts passwords;
    private final SessionService sessions;
    private final VerificationProperties verification;
    private final TransactionTemplate transaction;

    public LoginService(
            UserRepository users,
            PasswordAttempts passwords,
            SessionService sessions,
            VerificationProperties verification,
            TransactionTemplate transaction) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.verification = verification;
        this.transaction = transaction;
    }

    public TokenResponse login(String login, String password, ClientAddress client) {
        Optional<User> found = find(login);
        if (found.isEmpty()) {
            passwords.spendDecoyTime(password);
            throw invalidCredentials();
        }
        if (!passwords.matches(found.get(), password, client)) {
            throw invalidCredentials();
        }
        return transaction.execute(status -> {
            User user = users.findById(found.get().getId()).orElseThrow(LoginService::invalidCredentials);
            if (user.isLocked()) {
                throw invalidCredentials(); // locked by an admin while the password was being checked
            }
            if (verification.requiredForLogin() && !user.isEmailVerified()) {
                throw ApiProblem.of(
                        ProblemType.EMAIL_NOT_VERIFIED,
                        "Verify your email address first: enter the code we sent, or ask for a new one.");
            }
            return sessions.startSession(user);
        });
    }

    private Optional<User> find(String login) {
        String trimmed = login.trim();
        return trimmed.contains("@") ? users.findByEmail(Emails.normalize(trimmed)) : users.findByUsername(trimmed);
    }

    private static ApiProblem invalidCredentials() {
        return ApiProblem.of(
                ProblemType.INVALID_CREDENTIALS,
                "The login or password is wrong, or the account is temporarily locked.");
    }
}
