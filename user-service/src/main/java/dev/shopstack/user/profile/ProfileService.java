package dev.shopstack.user.profile;

import dev.shopstack.platform.outbox.Outbox;
import dev.shopstack.user.account.AccountDeletion;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.PasswordPolicy;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.account.UserView;
import dev.shopstack.user.auth.SessionService;
import dev.shopstack.user.reset.PasswordResetService;
import dev.shopstack.user.support.ApiProblem;
import dev.shopstack.user.support.FieldProblems;
import dev.shopstack.user.verification.EmailVerificationService;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What signed-in users do with their own account. */
@Service
public class ProfileService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SessionService sessions;
    private final EmailVerificationService verification;
    private final AccountDeletion deletion;
    private final Outbox outbox;
    private final Clock clock;

    public ProfileService(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            SessionService sessions, EmailVerificationService verification, AccountDeletion deletion, Outbox outbox,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.verification = verification;
        this.deletion = deletion;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UserView get(UUID userId) {
        return UserView.of(load(userId));
    }

    @Transactional
    public UserView update(UUID userId, ProfileRequests.UpdateProfile request) {
        User user = load(userId);
        user.setProfile(merge(request.firstName(), user.getFirstName()), merge(request.lastName(), user.getLastName()),
                merge(request.phoneNumber(), user.getPhoneNumber()), merge(request.address(), user.getAddress()));
        if (request.username() != null && !request.username().equals(user.getUsername())) {
            if (users.existsByUsername(request.username())) {
                throw ApiProblem.conflict("username-taken", "This username is already taken.");
            }
            user.changeUsername(request.username());
        }
        String email = Emails.normalize(request.email());
        if (email != null && !email.equals(user.getEmail())) {
            if (users.existsByEmail(email)) {
                throw ApiProblem.conflict("email-taken", "This email address belongs to another account.");
            }
            user.changeEmail(email);
            users.flush();
            verification.sendNewCode(user);
        }
        return UserView.of(user);
    }

    /** Needs the current password; keeps the session it is called from and ends every other one. */
    @Transactional(noRollbackFor = ApiProblem.class)
    public void changePassword(UUID userId, UUID currentSession, ProfileRequests.ChangePassword request) {
        User user = load(userId);
        requirePassword(user, request.currentPassword(), "currentPassword");
        String weakness = passwordPolicy.violation(request.newPassword(), user.getEmail(), user.getUsername());
        if (weakness != null) {
            throw FieldProblems.of("newPassword", weakness);
        }
        user.changePasswordHash(passwordEncoder.encode(request.newPassword()));
        if (currentSession == null) {
            sessions.endAllSessions(userId);
        } else {
            sessions.endOtherSessions(userId, currentSession);
        }
        PasswordResetService.publishPasswordChanged(outbox, user, clock.instant());
    }

    @Transactional
    public void delete(UUID userId, ProfileRequests.DeleteAccount request) {
        User user = load(userId);
        requirePassword(user, request.password(), "password");
        deletion.delete(user);
    }

    private void requirePassword(User user, String password, String field) {
        if (!passwordEncoder.matches(password, user.getPasswordHash())) {
            throw FieldProblems.of(field, "is not your current password");
        }
    }

    private User load(UUID userId) {
        // a valid token for an account deleted since it was issued
        return users.findById(userId).orElseThrow(() -> ApiProblem.notFound("This account no longer exists."));
    }

    private static String merge(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.trim();
    }
}
