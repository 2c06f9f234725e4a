package dev.shopstack.user.verification;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.platform.outbox.Outbox;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.support.ApiProblem;
import dev.shopstack.user.support.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email verification with 6-digit one-time codes: stored hashed, short-lived, a few guesses each, a cool-down
 * between sends and a daily cap. Answers never tell whether an address has an account.
 */
@Service
public class EmailVerificationService {

    private final EmailVerificationRepository verifications;
    private final UserRepository users;
    private final VerificationProperties properties;
    private final Outbox outbox;
    private final Clock clock;

    public EmailVerificationService(EmailVerificationRepository verifications, UserRepository users,
            VerificationProperties properties, Outbox outbox, Clock clock) {
        this.verifications = verifications;
        this.users = users;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new code for the user's current address, replacing any earlier one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendNewCode(User user) {
        Instant now = clock.instant();
        String code = Secrets.newSixDigitCode();
        EmailVerification verification = verifications.findById(user.getId())
                .orElseGet(() -> new EmailVerification(user.getId()));
        Instant expiresAt = now.plus(properties.codeLifetime());
        verification.renew(hash(user, code), now, expiresAt, LocalDate.ofInstant(now, ZoneOffset.UTC));
        verifications.save(verification);
        outbox.publish(Topics.USER_EVENTS, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, user.getId().toString(),
                new EmailVerificationRequested(user.getId().toString(), user.getEmail(), user.getFirstName(), code,
                        expiresAt));
    }

    /**
     * Sends another code if the address has an unverified account and the cool-down and daily cap allow it.
     * Silently does nothing otherwise, so the answer is the same for every address.
     */
    @Transactional
    public void resend(String email) {
        users.findByEmail(Emails.normalize(email))
                .filter(user -> !user.isEmailVerified())
                .filter(this::maySendAnother)
                .ifPresent(this::sendNewCode);
    }

    private boolean maySendAnother(User user) {
        Instant now = clock.instant();
        return verifications.findById(user.getId())
                .map(v -> !now.isBefore(v.getLastSentAt().plus(properties.resendCooldown()))
                        && v.sendsOn(LocalDate.ofInstant(now, ZoneOffset.UTC)) < properties.maxSendsPerDay())
                .orElse(true);
    }

    /** Checks a code; a wrong guess is counted (and committed) before the request is refused. */
    @Transactional(noRollbackFor = ApiProblem.class)
    public void verify(String email, String code) {
        User user = users.findByEmail(Emails.normalize(email)).orElseThrow(EmailVerificationService::invalidCode);
        if (user.isEmailVerified()) {
            return;
        }
        EmailVerification verification = verifications.findById(user.getId())
                .orElseThrow(EmailVerificationService::invalidCode);
        if (clock.instant().isAfter(verification.getExpiresAt())
                || verification.getAttempts() >= properties.maxGuesses()) {
            throw ApiProblem.badRequest("verification-code-expired",
                    "This code has expired or had too many wrong guesses. Request a new one.");
        }
        if (!Secrets.sameHash(verification.getCodeHash(), hash(user, code))) {
            verification.countGuess();
            throw invalidCode();
        }
        user.markEmailVerified();
        verifications.delete(verification);
    }

    private static String hash(User user, String code) {
        return Secrets.sha256(user.getId() + ":" + code);
    }

    private static ApiProblem invalidCode() {
        return ApiProblem.badRequest("invalid-verification-code", "The email or the code is not valid.");
    }
}
