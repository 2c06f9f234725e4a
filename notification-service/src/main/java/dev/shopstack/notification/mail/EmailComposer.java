package dev.shopstack.notification.mail;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventType;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderPaymentFailed;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderRefunded;
import dev.shopstack.events.order.OrderStatusChanged;
import dev.shopstack.events.user.AccountLocked;
import dev.shopstack.events.user.EmailChangeRequested;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.events.user.PasswordChanged;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.notification.MalformedEventException;
import dev.shopstack.platform.sealing.EventSeal;
import dev.shopstack.platform.sealing.SealedValueException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides which email an event becomes: recipient, subject, template and the values it shows. Values go into
 * the templates as they are; Thymeleaf escapes them in the HTML part. Every link points at this service's own
 * front-end URL: an event carries at most a sealed secret (ADR 0009), never a link, so it cannot send a mail that
 * points at another host.
 */
@Component
public class EmailComposer {

    /** Registered events on the topics read here that send no email; every other one needs a template. */
    public static final Set<EventType> SILENT = Set.of(EventType.USER_DELETED);

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Pattern SIX_DIGITS = Pattern.compile("^[0-9]{6}$");
    private static final Pattern RESET_TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,200}$");

    private final String frontendBaseUrl;
    private final Clock clock;
    private final EventSeal seal;
    private final OrderEmails orders;

    public EmailComposer(MailProperties settings, EventSeal seal, Clock clock) {
        this.clock = clock;
        String base = settings.frontendBaseUrl().toString();
        this.frontendBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.seal = seal;
        this.orders = new OrderEmails(frontendBaseUrl);
    }

    /** The email for this event, or empty when it sends none ({@link #SILENT}, or an anonymized order). */
    public Optional<Email> compose(CloudEvent<Object> event) {
        return Optional.ofNullable(email(event));
    }

    /**
     * One case per payload record (Java 17: instanceof patterns; a switch over patterns needs Java 21). An order of
     * a deleted account has no email left (anonymized): there is no one to tell.
     */
    private Email email(CloudEvent<Object> event) {
        Object data = event.data();
        if (data instanceof EmailVerificationRequested verification) {
            return verification(event, verification);
        } else if (data instanceof PasswordResetRequested reset) {
            return passwordReset(event, reset);
        } else if (data instanceof UserRegistered registered) {
            return welcome(registered);
        } else if (data instanceof PasswordChanged changed) {
            return passwordChanged(changed);
        } else if (data instanceof EmailChangeRequested change) {
            return emailChangeRequested(change);
        } else if (data instanceof AccountLocked locked) {
            return accountLocked(locked);
        } else if (data instanceof OrderPlaced placed) {
            return anonymized(placed.email()) ? null : orders.placed(placed);
        } else if (data instanceof OrderStatusChanged changed) {
            // REFUNDED is told by the refund's own mail (order.refunded), with the amount
            return anonymized(changed.email()) || "REFUNDED".equals(changed.status())
                    ? null
                    : orders.statusChanged(changed);
        } else if (data instanceof OrderCancelled cancelled) {
            return anonymized(cancelled.email()) ? null : orders.cancelled(cancelled);
        } else if (data instanceof OrderPaymentFailed failed) {
            return anonymized(failed.email()) ? null : orders.paymentFailed(failed);
        } else if (data instanceof OrderRefunded refunded) {
            return anonymized(refunded.email()) ? null : orders.refunded(refunded);
        } else if (data instanceof UserDeleted) {
            return null; // nothing to tell an account that no longer exists
        }
        // a registered event with neither a case here nor a place in SILENT (MailTemplatesTest names it)
        throw new IllegalStateException("No email composed for event type " + event.type());
    }

    /** The template of an event's email: {@code mail/<type with dashes>}, e.g. {@code mail/order-placed}. */
    public static String template(EventType event) {
        return "mail/" + event.type().replace('.', '-');
    }

    private Email verification(CloudEvent<Object> event, EmailVerificationRequested data) {
        String email = recipient(data.email());
        var model = greeting(data.firstName());
        model.put("code", open(event, data.userId(), data.sealedCode(), "sealedCode", SIX_DIGITS));
        // every reserved character encoded, '+' and '@' included, so any form decoder reads the address back
        model.put("verifyLink", frontendBaseUrl + "/verify-email?email=" + URLEncoder.encode(email, UTF_8));
        model.put("validFor", lifetime(event, required(data.expiresAt(), "expiresAt")));
        model.put("expiresAt", UTC_TIME.format(data.expiresAt()));
        return new Email(email, "Your Shopstack verification code", template(data), model);
    }

    private Email passwordReset(CloudEvent<Object> event, PasswordResetRequested data) {
        var model = greeting(data.firstName());
        String token = open(event, data.userId(), data.sealedToken(), "sealedToken", RESET_TOKEN);
        model.put("resetLink", frontendBaseUrl + "/reset-password?token=" + token);
        model.put("validFor", lifetime(event, required(data.expiresAt(), "expiresAt")));
        model.put("expiresAt", UTC_TIME.format(data.expiresAt()));
        return new Email(recipient(data.email()), "Reset your Shopstack password", template(data), model);
    }

    private Email welcome(UserRegistered data) {
        var model = greeting(data.firstName() != null ? data.firstName() : data.username());
        model.put("username", data.username());
        model.put("shopLink", frontendBaseUrl + "/");
        return new Email(recipient(data.email()), "Welcome to Shopstack", template(data), model);
    }

    private Email passwordChanged(PasswordChanged data) {
        var model = greeting(data.firstName());
        model.put("changedAt", data.changedAt() == null ? null : UTC_TIME.format(data.changedAt()));
        model.put("resetLink", frontendBaseUrl + "/password-reset");
        return new Email(recipient(data.email()), "Your Shopstack password was changed", template(data), model);
    }

    private Email emailChangeRequested(EmailChangeRequested data) {
        var model = greeting(data.firstName());
        model.put("newEmail", required(data.newEmailMasked(), "newEmailMasked"));
        model.put("requestedAt", data.requestedAt() == null ? null : UTC_TIME.format(data.requestedAt()));
        model.put("resetLink", frontendBaseUrl + "/password-reset");
        return new Email(
                recipient(data.email()), "Your Shopstack email address is being changed", template(data), model);
    }

    private Email accountLocked(AccountLocked data) {
        var model = greeting(data.firstName());
        model.put("failedAttempts", data.failedAttempts());
        model.put("sourceAddresses", data.sourceAddresses());
        model.put("lockedUntil", UTC_TIME.format(required(data.lockedUntil(), "lockedUntil")));
        model.put("resetLink", frontendBaseUrl + "/password-reset");
        return new Email(
                recipient(data.email()), "Your Shopstack account is locked for a while", template(data), model);
    }

    static String template(Record data) {
        return template(EventType.of(data));
    }

    private static boolean anonymized(String email) {
        return email == null;
    }

    private static HashMap<String, Object> greeting(String name) {
        var model = new HashMap<String, Object>();
        model.put("name", name == null || name.isBlank() ? null : name);
        return model;
    }

    /** How long a code or link stays valid, counted from when it was issued, in whole minutes (at least 1). */
    private String lifetime(CloudEvent<Object> event, Instant expiresAt) {
        Instant issued = event.time() != null ? event.time() : clock.instant();
        long minutes = Math.max(1, (Duration.between(issued, expiresAt).getSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /** One plain address; anything else (lists, display names, CR/LF header tricks) is refused. */
    static String recipient(String email) {
        required(email, "email");
        try {
            var address = new InternetAddress(email, true);
            address.validate();
            if (address.getPersonal() != null || !address.getAddress().equals(email.strip())) {
                throw new AddressException("not a bare address");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new MalformedEventException("data.email is not a valid address");
        }
    }

    /**
     * Opens a sealed secret of the event, bound to its type and user; one that does not open, or does not look
     * like what it should be, makes the event a poison event (dead letter), not a mail.
     */
    private String open(CloudEvent<Object> event, String userId, String sealed, String field, Pattern expected) {
        String secret;
        try {
            secret = seal.open(event.type(), required(userId, "userId"), required(sealed, field));
        } catch (SealedValueException e) {
            throw new MalformedEventException("data." + field + " does not open: " + e.getMessage());
        }
        if (!expected.matcher(secret).matches()) {
            throw new MalformedEventException("data." + field + " does not hold what it should");
        }
        return secret;
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new MalformedEventException("data." + field + " is missing");
        }
        return value;
    }
}
