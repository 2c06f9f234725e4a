package dev.shopstack.user.account;

import dev.shopstack.events.EventType;
import dev.shopstack.events.user.AccountLocked;
import dev.shopstack.events.user.EmailChangeRequested;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.events.user.PasswordChanged;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.events.user.SessionsRevoked;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.platform.outbox.Outbox;
import dev.shopstack.platform.sealing.EventSeal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes the user's events to the outbox, inside the transaction that changes the account. The type and topic come
 * from the payload record through the {@link EventType} registry; secrets are sealed here, bound to that type.
 */
@Component
public class UserEvents {

    private final Outbox outbox;
    private final EventSeal seal;
    private final Clock clock;

    public UserEvents(Outbox outbox, EventSeal seal, Clock clock) {
        this.outbox = outbox;
        this.seal = seal;
        this.clock = clock;
    }

    public void registered(User user) {
        publish(user.getId(), new UserRegistered(id(user), user.getEmail(), user.getUsername(), user.getFirstName()));
    }

    /** A code to verify {@code address}: a new account's, or the pending address of an email change. */
    public void emailVerificationRequested(User user, String address, String code, Instant expiresAt) {
        String sealed = seal.seal(EventType.USER_EMAIL_VERIFICATION_REQUESTED.type(), id(user), code);
        publish(
                user.getId(),
                new EmailVerificationRequested(id(user), address, user.getFirstName(), sealed, expiresAt));
    }

    public void passwordResetRequested(User user, String token, Instant expiresAt) {
        String sealed = seal.seal(EventType.USER_PASSWORD_RESET_REQUESTED.type(), id(user), token);
        publish(
                user.getId(),
                new PasswordResetRequested(id(user), user.getEmail(), user.getFirstName(), sealed, expiresAt));
    }

    public void passwordChanged(User user, Instant changedAt) {
        publish(user.getId(), new PasswordChanged(id(user), user.getEmail(), user.getFirstName(), changedAt));
    }

    /** The notice goes to the current address; it shows the new one masked. */
    public void emailChangeRequested(User user, String newEmail) {
        publish(
                user.getId(),
                new EmailChangeRequested(
                        id(user), user.getEmail(), user.getFirstName(), MaskedEmail.of(newEmail), clock.instant()));
    }

    public void accountLocked(
            User user, int failedAttempts, int sourceAddresses, Instant lockedAt, Instant lockedUntil) {
        publish(
                user.getId(),
                new AccountLocked(
                        id(user),
                        user.getEmail(),
                        user.getFirstName(),
                        failedAttempts,
                        sourceAddresses,
                        lockedAt,
                        lockedUntil));
    }

    public void deleted(User user) {
        publish(user.getId(), new UserDeleted(id(user), clock.instant()));
    }

    public void sessionsRevoked(
            UUID userId, List<UUID> sessionIds, String reason, Instant revokedAt, Instant expiresAt) {
        publish(
                userId,
                new SessionsRevoked(
                        userId.toString(),
                        sessionIds.stream().map(UUID::toString).toList(),
                        reason,
                        revokedAt,
                        expiresAt));
    }

    private void publish(UUID userId, Record data) {
        EventType event = EventType.of(data);
        outbox.publish(event.topic(), event.type(), userId.toString(), data);
    }

    private static String id(User user) {
        return user.getId().toString();
    }
}
