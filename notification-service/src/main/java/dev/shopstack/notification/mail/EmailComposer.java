package dev.shopstack.notification.mail;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderStatusChanged;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.events.user.PasswordChanged;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.notification.MalformedEventException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Decides which email an event becomes: recipient, subject, template and the values it shows. Values go into
 * the templates as they are; Thymeleaf escapes them in the HTML part.
 */
@Component
public class EmailComposer {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Map<String, String> ORDER_STATUS_LABELS = Map.of(
            "PENDING_PAYMENT", "awaiting payment",
            "PAID", "paid",
            "SHIPPED", "shipped",
            "DELIVERED", "delivered",
            "CANCELLED", "cancelled");

    private final String frontendBaseUrl;

    public EmailComposer(MailSettings settings) {
        String base = settings.frontendBaseUrl().toString();
        this.frontendBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The email for this event, or empty when the event type sends none ({@code user.deleted}). */
    public Optional<Email> compose(CloudEvent<Object> event) {
        Object data = event.data();
        return Optional.ofNullable(switch (event.type()) {
            case EventTypes.USER_EMAIL_VERIFICATION_REQUESTED ->
                    verification(event, (EmailVerificationRequested) data);
            case EventTypes.USER_PASSWORD_RESET_REQUESTED -> passwordReset(event, (PasswordResetRequested) data);
            case EventTypes.USER_REGISTERED -> welcome((UserRegistered) data);
            case EventTypes.USER_PASSWORD_CHANGED -> passwordChanged((PasswordChanged) data);
            // an order of a deleted account has no email left (anonymized): there is no one to tell
            case EventTypes.ORDER_PLACED -> anonymized(((OrderPlaced) data).email()) ? null
                    : orderPlaced((OrderPlaced) data);
            case EventTypes.ORDER_STATUS_CHANGED -> anonymized(((OrderStatusChanged) data).email()) ? null
                    : orderStatusChanged((OrderStatusChanged) data);
            case EventTypes.ORDER_CANCELLED -> anonymized(((OrderCancelled) data).email()) ? null
                    : orderCancelled((OrderCancelled) data);
            // user.deleted: nothing to tell an account that no longer exists
            default -> null;
        });
    }

    private Email verification(CloudEvent<Object> event, EmailVerificationRequested data) {
        var model = greeting(data.firstName());
        model.put("code", required(data.code(), "code"));
        model.put("validFor", lifetime(event, required(data.expiresAt(), "expiresAt")));
        model.put("expiresAt", UTC_TIME.format(data.expiresAt()));
        return new Email(recipient(data.email()), "Your Shopstack verification code", "mail/email-verification",
                model);
    }

    private Email passwordReset(CloudEvent<Object> event, PasswordResetRequested data) {
        var model = greeting(data.firstName());
        model.put("resetLink", webLink(required(data.resetLink(), "resetLink")));
        model.put("validFor", lifetime(event, required(data.expiresAt(), "expiresAt")));
        model.put("expiresAt", UTC_TIME.format(data.expiresAt()));
        return new Email(recipient(data.email()), "Reset your Shopstack password", "mail/password-reset", model);
    }

    private Email welcome(UserRegistered data) {
        var model = greeting(data.firstName() != null ? data.firstName() : data.username());
        model.put("username", data.username());
        model.put("shopLink", frontendBaseUrl + "/");
        return new Email(recipient(data.email()), "Welcome to Shopstack", "mail/welcome", model);
    }

    private Email passwordChanged(PasswordChanged data) {
        var model = greeting(data.firstName());
        model.put("changedAt", data.changedAt() == null ? null : UTC_TIME.format(data.changedAt()));
        model.put("resetLink", frontendBaseUrl + "/password-reset");
        return new Email(recipient(data.email()), "Your Shopstack password was changed", "mail/password-changed",
                model);
    }

    private Email orderPlaced(OrderPlaced data) {
        String orderId = required(data.orderId(), "orderId");
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("lines", data.lines() == null ? List.of() : data.lines());
        model.put("currency", required(data.currency(), "currency"));
        model.put("total", required(data.total(), "total"));
        model.put("orderLink", orderLink(orderId));
        return new Email(recipient(data.email()), "Your Shopstack order " + orderId, "mail/order-placed", model);
    }

    private Email orderStatusChanged(OrderStatusChanged data) {
        String orderId = required(data.orderId(), "orderId");
        String status = required(data.status(), "status");
        String label = ORDER_STATUS_LABELS.getOrDefault(status, status.toLowerCase(Locale.ROOT));
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("status", label);
        model.put("orderLink", orderLink(orderId));
        return new Email(recipient(data.email()), "Your Shopstack order " + orderId + " is " + label,
                "mail/order-status-changed", model);
    }

    private Email orderCancelled(OrderCancelled data) {
        String orderId = required(data.orderId(), "orderId");
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("reason", data.reason());
        model.put("orderLink", orderLink(orderId));
        return new Email(recipient(data.email()), "Your Shopstack order " + orderId + " was cancelled",
                "mail/order-cancelled", model);
    }

    private static boolean anonymized(String email) {
        return email == null;
    }

    private static HashMap<String, Object> greeting(String name) {
        var model = new HashMap<String, Object>();
        model.put("name", name == null || name.isBlank() ? null : name);
        return model;
    }

    private String orderLink(String orderId) {
        return frontendBaseUrl + "/orders/" + UriUtils.encodePathSegment(orderId, "UTF-8");
    }

    /** How long a code or link stays valid, counted from when it was issued, in whole minutes (at least 1). */
    private static String lifetime(CloudEvent<Object> event, Instant expiresAt) {
        Instant issued = event.time() != null ? event.time() : Instant.now();
        long minutes = Math.max(1, (Duration.between(issued, expiresAt).getSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /** One plain address; anything else (lists, display names, CR/LF header tricks) is refused. */
    private static String recipient(String email) {
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

    /** Only http(s) links go into an email; a {@code javascript:} or relative link is a broken event. */
    private static String webLink(String link) {
        try {
            URI uri = new URI(link);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return link;
            }
        } catch (URISyntaxException e) {
            // falls through to the exception below
        }
        throw new MalformedEventException("data.resetLink is not an absolute http(s) URL");
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new MalformedEventException("data." + field + " is missing");
        }
        return value;
    }
}
