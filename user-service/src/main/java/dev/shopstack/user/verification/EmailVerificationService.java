package dev.shopstack.user.verification;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserEvents;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.support.MailThrottle;
import dev.shopstack.user.support.Secrets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email verification with 6-digit one-time codes: stored hashed, short-lived, a few guesses each (counted
 * atomically before comparing), at most one code per cool-down and a daily cap, per account and per target
 * address. The code leaves user-service only sealed for notification-service. Answers never tell whether an
 * address has an account, nor whether it is already verified.
 */
@Service
public class EmailVerificationService {

    private final EmailVerificationRepository verifications;
    private final UserRepository users;
    private final VerificationProperties properties;
    private final MailThrottle throttle;
    private final UserEvents events;
    private final Clock clock;

    public EmailVerificationService(
            EmailVerificationRepository verifications,
            UserRepository users,
            VerificationProperties properties,
            MailThrottle throttle,
            UserEvents events,
            Clock clock) {
        this.verifications = verifications;
        this.users = users;
        this.properties = properties;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new code for this address of the user (their own, or the pending one of an email change), replacing any
     * earlier code, unless the cool-down or the daily cap of the account or of the address says no.
     *
     * @return whether a code was sent
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sendNewCode(User user, String address) {
        if (!throttle.tryAcquire(
                        "verify-account:" + user.getId(), properties.resendCooldown(), properties.maxSendsPerDay())
                || !throttle.tryAcquire(
                        MailThrottle.addressKey("verify-address", address),
                        properties.resendCooldown(),
                        properties.maxSendsPerDay())) {
            return false;
        }
        Instant expiresAt = clock.instant().plus(properties.codeLifetime());
        String code = Secrets.newSixDigitCode();
        EmailVerification verification =
                verifications.findById(user.getId()).orElseGet(() -> new EmailVerification(user.getId()));
        verification.renew(address, hash(user.getId().toString(), code), expiresAt);
        verifications.save(verification);
        events.emailVerificationRequested(user, address, code, expiresAt);
        return true;
    }

    /**
     * Sends another code to an unverified account's address, or to an address an account is waiting to move to,
     * when the limits allow it. Silently does nothing otherwise, so the answer is the same for every address.
     */
    @Transactional
    public void resend(String email) {
        String address = Emails.normalize(email);
        users.findByEmail(address)
                .filter(user -> !user.isEmailVerified())
                .ifPresent(user -> sendNewCode(user, address));
        users.findTop5ByPendingEmail(address).forEach(user -> sendNewCode(user, address));
    }

    /**
     * Checks a code for an address. Every guess is counted before the comparison; a code with too many guesses,
     * an expired code, an address without a live code (unknown, or already verified) and a wrong code all get the
     * same answer.
     */
    @Transactional(noRollbackFor = ApiProblem.class)
    public void verify(String email, String code) {
        String address = Emails.normalize(email);
        Instant now = clock.instant();
        for (EmailVerification verification : verifications.findTop5ByEmail(address)) {
            if (verifications.countGuess(verification.getUserId()) == 0
                    || verifications.attempts(verification.getUserId()) > properties.maxGuesses()
                    || !now.isBefore(verification.getExpiresAt())) {
                continue;
            }
            if (Secrets.sameHash(
                    verification.getCodeHash(), hash(verification.getUserId().toString(), code))) {
                apply(verification, now);
                return;
            }
        }
        throw invalidCode();
    }

    private void apply(EmailVerification verification, Instant now) {
        User user = users.findById(verification.getUserId()).orElseThrow(EmailVerificationService::invalidCode);
        String address = verification.getEmail();
        verifications.delete(verification);
        if (address.equals(user.getEmail())) {
            user.markEmailVerified(now);
        } else if (address.equals(user.getPendingEmail())) {
            if (users.existsByEmail(address)) {
                user.cancelEmailChange(now);
                throw ApiProblem.of(ProblemType.EMAIL_TAKEN, "This email address belongs to another account by now.");
            }
            user.confirmPendingEmail(now);
            users.flush(); // the unique index has the last word on a race with another account
        } else {
            throw invalidCode(); // the account has moved on to another address since the code was sent
        }
    }

    private static String hash(String userId, String code) {
        return Secrets.sha256(userId + ":" + code);
    }

    private static ApiProblem invalidCode() {
        return ApiProblem.of(
                ProblemType.INVALID_VERIFICATION_CODE,
                "The email or the code is not valid, or the code has expired. Request a new one.");
    }
}
