package dev.shopstack.user.profile;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.AccountDeletion;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.PasswordPolicy;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserEvents;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.account.UserView;
import dev.shopstack.user.auth.SessionEnd;
import dev.shopstack.user.auth.SessionService;
import dev.shopstack.user.lockout.ClientAddress;
import dev.shopstack.user.lockout.PasswordAttempts;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What signed-in users do with their own account. Whatever needs the current password checks it first, under the
 * lockout (a wrong one counts like a failed login), and only then changes anything.
 */
@Service
public class ProfileService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final PasswordAttempts passwords;
    private final SessionService sessions;
    private final EmailChange emailChange;
    private final AccountDeletion deletion;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final AvatarStore avatars;
    private final Clock clock;

    public ProfileService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            PasswordAttempts passwords,
            SessionService sessions,
            EmailChange emailChange,
            AccountDeletion deletion,
            UserEvents events,
            TransactionTemplate transaction,
            AvatarStore avatars,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.emailChange = emailChange;
        this.deletion = deletion;
        this.events = events;
        this.transaction = transaction;
        this.avatars = avatars;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UserView get(UUID userId) {
        return UserView.of(load(userId), avatars.exists(userId));
    }

    public UserView update(UUID userId, ProfileRequests.UpdateProfile request, ClientAddress client) {
        String email = Emails.normalize(request.email());
        User before = load(userId);
        boolean changesEmail = email != null && !email.equals(before.getEmail());
        if (changesEmail) {
            if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
                throw ApiProblem.invalidField("currentPassword", "is needed to change the email address");
            }
            requirePassword(before, request.currentPassword(), "currentPassword", client);
        }
        return transaction.execute(status -> {
            User user = load(userId);
            Instant now = clock.instant();
            user.setProfile(
                    merge(request.firstName(), user.getFirstName()),
                    merge(request.lastName(), user.getLastName()),
                    merge(request.phoneNumber(), user.getPhoneNumber()),
                    merge(request.address(), user.getAddress()),
                    now);
            if (request.username() != null && !request.username().equals(user.getUsername())) {
                if (users.existsByUsername(request.username())) {
                    throw ApiProblem.of(ProblemType.USERNAME_TAKEN, "This username is already taken.");
                }
                user.changeUsername(request.username(), now);
            }
            if (changesEmail) {
                emailChange.request(user, email);
            } else if (email != null && user.getPendingEmail() != null) {
                user.cancelEmailChange(now); // the current address again: the user changed their mind
            }
            return UserView.of(user, avatars.exists(userId));
        });
    }

    /** Needs the current password; keeps the session it is called from and ends every other one. */
    public void changePassword(
            UUID userId, UUID currentSession, ProfileRequests.ChangePassword request, ClientAddress client) {
        requirePassword(load(userId), request.currentPassword(), "currentPassword", client);
        transaction.executeWithoutResult(status -> {
            User user = load(userId);
            String weakness = passwordPolicy.violation(request.newPassword(), user.getEmail(), user.getUsername());
            if (weakness != null) {
                throw ApiProblem.invalidField("newPassword", weakness);
            }
            Instant now = clock.instant();
            user.changePasswordHash(passwordEncoder.encode(request.newPassword()), now);
            if (currentSession == null) {
                sessions.endAllSessions(userId, SessionEnd.PASSWORD_CHANGED);
            } else {
                sessions.endOtherSessions(userId, currentSession, SessionEnd.PASSWORD_CHANGED);
            }
            events.passwordChanged(user, now);
        });
    }

    public void delete(UUID userId, ProfileRequests.DeleteAccount request, ClientAddress client) {
        requirePassword(load(userId), request.password(), "password", client);
        transaction.executeWithoutResult(status -> deletion.delete(load(userId)));
    }

    /** A wrong password and a locked (account, address) pair get the same answer. */
    private void requirePassword(User user, String password, String field, ClientAddress client) {
        if (!passwords.matches(user, password, client)) {
            throw ApiProblem.invalidField(field, "is not your current password, or there were too many wrong attempts");
        }
    }

    private User load(UUID userId) {
        // a valid token for an account deleted since it was issued
        return users.findById(userId)
                .orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "This account no longer exists."));
    }

    private static String merge(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.trim();
    }
}
