package dev.shopstack.user.registration;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.PasswordPolicy;
import dev.shopstack.user.account.Role;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserEvents;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.account.UserView;
import dev.shopstack.user.verification.EmailVerificationService;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RegistrationService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final EmailVerificationService verification;
    private final UserEvents events;
    private final Clock clock;

    public RegistrationService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            EmailVerificationService verification,
            UserEvents events,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.verification = verification;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a customer account, then the welcome and verification-code events in the same transaction. */
    @Transactional
    public UserView register(RegisterRequest request) {
        String email = Emails.normalize(request.email());
        if (!request.password().equals(request.passwordConfirm())) {
            throw ApiProblem.invalidField("passwordConfirm", "must match password");
        }
        String weakness = passwordPolicy.violation(request.password(), email, request.username());
        if (weakness != null) {
            throw ApiProblem.invalidField("password", weakness);
        }
        if (users.existsByEmail(email) || users.existsByUsername(request.username())) {
            throw ApiProblem.of(ProblemType.ACCOUNT_EXISTS, "An account with this email or username already exists.");
        }
        Instant now = clock.instant();
        User user = new User(email, request.username(), passwordEncoder.encode(request.password()), Role.CUSTOMER, now);
        user.setProfile(
                blankToNull(request.firstName()),
                blankToNull(request.lastName()),
                blankToNull(request.phoneNumber()),
                blankToNull(request.address()),
                now);
        users.saveAndFlush(user);
        events.registered(user);
        verification.sendNewCode(user, user.getEmail());
        return UserView.of(user, false);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
