package dev.shopstack.user.profile;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserEvents;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.verification.EmailVerificationService;
import dev.shopstack.user.verification.VerificationProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email change (the current password was already checked): the new address waits as pending and gets a code;
 * the current address gets a notice, so a stolen session cannot move an account away unnoticed. The change takes
 * effect when the code is entered ({@code POST /api/auth/verify-email} with the new address).
 */
@Component
class EmailChange {

    private final UserRepository users;
    private final EmailVerificationService verification;
    private final VerificationProperties verificationProperties;
    private final UserEvents events;
    private final Clock clock;

    EmailChange(
            UserRepository users,
            EmailVerificationService verification,
            VerificationProperties verificationProperties,
            UserEvents events,
            Clock clock) {
        this.users = users;
        this.verification = verification;
        this.verificationProperties = verificationProperties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void request(User user, String newEmail) {
        if (users.existsByEmail(newEmail)) {
            throw ApiProblem.of(ProblemType.EMAIL_TAKEN, "This email address belongs to another account.");
        }
        user.requestEmailChange(newEmail, clock.instant());
        // one code per cool-down and a few a day, per account and per address: the change is refused otherwise
        if (!verification.sendNewCode(user, newEmail)) {
            throw ApiProblem.of(
                            ProblemType.TOO_MANY_REQUESTS,
                            "An email change was requested moments ago, or too "
                                    + "often today. Wait before asking again.")
                    .retryAfter(verificationProperties.resendCooldown());
        }
        events.emailChangeRequested(user, newEmail);
    }
}
