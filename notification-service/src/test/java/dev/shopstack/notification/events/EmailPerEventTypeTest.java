package dev.shopstack.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderLine;
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
import dev.shopstack.notification.IntegrationTestSupport;
import dev.shopstack.notification.delivery.Delivery;
import dev.shopstack.notification.delivery.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EmailPerEventTypeTest extends IntegrationTestSupport {

    @Autowired
    MeterRegistry meters;

    private static final String FROM = "Shopstack <no-reply@shopstack.local>";

    @Test
    void theVerificationCodeOpenedFromItsSealAndALinkToTheVerificationPage() {
        String to = uniqueAddress("alice");
        String userId = id();
        var event = userEvent(
                EventTypes.USER_EMAIL_VERIFICATION_REQUESTED,
                new EmailVerificationRequested(
                        userId,
                        to,
                        "Alice",
                        seal.seal(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, userId, "482913"),
                        Instant.now().plus(Duration.ofMinutes(15))));

        publish(Topics.USER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.from()).isEqualTo(FROM);
        assertThat(mail.subject()).isEqualTo("Your Shopstack verification code");
        assertThat(mail.text())
                .contains("482913")
                .contains("15 minutes")
                .contains("Hello Alice")
                .contains("https://shop.test/verify-email?email=" + to.replace("@", "%40"));
        assertThat(mail.html()).contains("482913").contains("15 minutes").doesNotContain("v1.");
        assertSent(event, to);
    }

    @Test
    void theResetLinkBuiltFromTheOwnFrontEndAndTheOpenedToken() {
        String to = uniqueAddress("bob");
        String userId = id();
        String token = "Zm9vYmFyLXRva2VuLXJlc2V0LTEyMzQ1Njc4OTA";
        var event = userEvent(
                EventTypes.USER_PASSWORD_RESET_REQUESTED,
                new PasswordResetRequested(
                        userId,
                        to,
                        "Bob",
                        seal.seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, userId, token),
                        Instant.now().plus(Duration.ofMinutes(30))));

        publish(Topics.USER_EVENTS, event);

        var mail = awaitOneMail(to);
        String link = "https://shop.test/reset-password?token=" + token;
        assertThat(mail.subject()).isEqualTo("Reset your Shopstack password");
        assertThat(mail.text()).contains(link).contains("30 minutes");
        assertThat(mail.html()).contains("href=\"" + link + "\"");
        assertSent(event, to);
    }

    @Test
    void aNoticeToTheCurrentAddressWhenAnEmailChangeIsRequested() {
        String to = uniqueAddress("olga");
        var event = userEvent(
                EventTypes.USER_EMAIL_CHANGE_REQUESTED,
                new EmailChangeRequested(id(), to, "Olga", "n***@example.org", Instant.now()));

        publish(Topics.USER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack email address is being changed");
        assertThat(mail.text())
                .contains("to n***@example.org")
                .contains("If this was not you, change your password")
                .contains("https://shop.test/password-reset");
        assertSent(event, to);
    }

    @Test
    void aNoticeWhenManyFailedLoginsLockedTheAccount() {
        String to = uniqueAddress("pete");
        Instant until = Instant.parse("2030-01-01T10:30:00Z");
        var event = userEvent(
                EventTypes.USER_ACCOUNT_LOCKED,
                new AccountLocked(id(), to, "Pete", 20, 4, until.minus(Duration.ofMinutes(30)), until));

        publish(Topics.USER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack account is locked for a while");
        assertThat(mail.text())
                .contains("20 attempts")
                .contains("from 4 different places")
                .contains("until 2030-01-01 10:30 UTC")
                .contains("https://shop.test/password-reset");
        assertSent(event, to);
    }

    @Test
    void aWelcomeWithTheUsersDataHtmlEscaped() {
        String to = uniqueAddress("carol");
        var event = userEvent(
                EventTypes.USER_REGISTERED, new UserRegistered(id(), to, "carol", "<script>alert('x')</script>"));

        publish(Topics.USER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Welcome to Shopstack");
        assertThat(mail.html())
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .contains("href=\"https://shop.test/\"");
        assertThat(mail.text()).contains("Hello <script>alert('x')</script>").contains("carol");
        assertSent(event, to);
    }

    @Test
    void aSecurityNoticeWhenThePasswordChanged() {
        String to = uniqueAddress("dave");
        var event = userEvent(EventTypes.USER_PASSWORD_CHANGED, new PasswordChanged(id(), to, "Dave", Instant.now()));

        publish(Topics.USER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack password was changed");
        assertThat(mail.text()).contains("If this was not you").contains("https://shop.test/password-reset");
        assertSent(event, to);
    }

    @Test
    void anOrderConfirmationWithLinesAndTotal() {
        String to = uniqueAddress("erin");
        String orderId = id();
        var lines = List.of(
                new OrderLine(id(), "MUG-01", "Coffee mug", 2, new BigDecimal("12.50"), new BigDecimal("25.00")),
                new OrderLine(
                        id(), "TEA-07", "Green tea & honey", 1, new BigDecimal("34.97"), new BigDecimal("34.97")));
        var event = orderEvent(
                EventTypes.ORDER_PLACED,
                orderId,
                new OrderPlaced(orderId, id(), to, lines, "EUR", new BigDecimal("59.97"), Instant.now()));

        publish(Topics.ORDER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack order " + orderId);
        assertThat(mail.text())
                .contains("2 x Coffee mug at 12.50 EUR = 25.00 EUR")
                .contains("1 x Green tea & honey at 34.97 EUR")
                .contains("Order total: 59.97 EUR")
                .contains("https://shop.test/orders/" + orderId);
        assertThat(mail.html()).contains("Green tea &amp; honey").contains("59.97 EUR");
        assertSent(event, to);
    }

    @Test
    void anOrderStatusUpdate() {
        String to = uniqueAddress("frank");
        String orderId = id();
        var event = orderEvent(
                EventTypes.ORDER_STATUS_CHANGED,
                orderId,
                new OrderStatusChanged(orderId, id(), to, "PAID", "SHIPPED", Instant.now()));

        publish(Topics.ORDER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack order " + orderId + " is shipped");
        assertThat(mail.text()).contains("is now shipped");
        assertSent(event, to);
    }

    @Test
    void anOrderCancellation() {
        String to = uniqueAddress("grace");
        String orderId = id();
        var event = orderEvent(
                EventTypes.ORDER_CANCELLED,
                orderId,
                new OrderCancelled(orderId, id(), to, "out of stock", Instant.now()));

        publish(Topics.ORDER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack order " + orderId + " was cancelled");
        assertThat(mail.text()).contains("was cancelled: out of stock");
        assertSent(event, to);
    }

    @Test
    void aFailedCardPaymentAsksToTryAgain() {
        String to = uniqueAddress("judy");
        String orderId = id();
        var event = orderEvent(
                EventTypes.ORDER_PAYMENT_FAILED,
                orderId,
                new OrderPaymentFailed(orderId, id(), to, "Your card was declined.", Instant.now()));

        publish(Topics.ORDER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your payment for Shopstack order " + orderId + " failed");
        assertThat(mail.text())
                .contains("Your card was declined.")
                .contains("try again")
                .contains("/orders/" + orderId);
        assertSent(event, to);
    }

    @Test
    void aPartialRefundSaysHowMuchWhyAndWhatWasRefundedSoFar() {
        String to = uniqueAddress("kim");
        String orderId = id();
        var event = orderEvent(
                EventTypes.ORDER_REFUNDED,
                orderId,
                new OrderRefunded(
                        orderId,
                        id(),
                        to,
                        id(),
                        new BigDecimal("10.00"),
                        "EUR",
                        "The cover arrived torn.",
                        new BigDecimal("1250.50"),
                        false,
                        Instant.now()));

        publish(Topics.ORDER_EVENTS, event);

        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack order " + orderId + " was refunded in part");
        assertThat(mail.text())
                .contains("We refunded 10.00 EUR of your order " + orderId + ": The cover arrived torn.")
                .contains("so far: 1,250.50 EUR")
                .contains("/orders/" + orderId);
        assertSent(event, to);
    }

    @Test
    void aFullRefundSendsTheRefundMailAndNoSecondMailForTheStatus() {
        String to = uniqueAddress("lee");
        String orderId = id();
        String userId = id();
        var status = orderEvent(
                EventTypes.ORDER_STATUS_CHANGED,
                orderId,
                new OrderStatusChanged(orderId, userId, to, "PAID", "REFUNDED", Instant.now()));
        var refund = orderEvent(
                EventTypes.ORDER_REFUNDED,
                orderId,
                new OrderRefunded(
                        orderId,
                        userId,
                        to,
                        id(),
                        new BigDecimal("29.99"),
                        "EUR",
                        "Order cancelled: cancelled by the customer",
                        new BigDecimal("29.99"),
                        true,
                        Instant.now()));

        publish(Topics.ORDER_EVENTS, status);
        publish(Topics.ORDER_EVENTS, refund);

        // same key, same partition: once the refund mail is sent, the status change before it was consumed
        var mail = awaitOneMail(to);
        assertThat(mail.subject()).isEqualTo("Your Shopstack order " + orderId + " was refunded");
        assertThat(mail.text()).contains("We refunded 29.99 EUR").contains("refunded in full");
        assertThat(mailsTo(to)).hasSize(1);
        assertThat(delivery(status.id())).isEmpty();
        assertSent(refund, to);
    }

    @Test
    void aDeletedUserAndAnUnknownTypeSendNothingAndDoNotStopTheConsumer() {
        String userId = id();
        var deleted = userEvent(EventTypes.USER_DELETED, new UserDeleted(userId, Instant.now()));
        var unknown = event("/user-service", "user.avatar-changed", userId, Map.of("userId", userId));
        String to = uniqueAddress("heidi");
        var marker = new CloudEvent<>(
                CloudEvent.SPEC_VERSION,
                id(),
                "/user-service",
                EventTypes.USER_REGISTERED,
                Instant.now(),
                userId,
                CloudEvent.JSON,
                new UserRegistered(userId, to, "heidi", "Heidi"));

        publish(Topics.USER_EVENTS, deleted);
        publish(Topics.USER_EVENTS, unknown);
        publish(Topics.USER_EVENTS, marker);

        // same key, same partition: once the marker is sent, the two before it have been consumed
        awaitOneMail(to);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(delivery(deleted.id())).isEmpty();
        assertThat(delivery(unknown.id())).isEmpty();
    }

    @Test
    void anOrderEventOfAnAnonymizedOrderSendsNothingAndIsNotDeadLettered() {
        String orderId = id();
        var anonymized = orderEvent(
                EventTypes.ORDER_CANCELLED,
                orderId,
                new OrderCancelled(orderId, id(), null, "not paid within 14 minutes", Instant.now()));
        String to = uniqueAddress("ivan");
        var marker = orderEvent(
                EventTypes.ORDER_CANCELLED,
                orderId,
                new OrderCancelled(orderId, id(), to, "out of stock", Instant.now()));

        double deadLettersBefore = orderDeadLetters();

        publish(Topics.ORDER_EVENTS, anonymized);
        publish(Topics.ORDER_EVENTS, marker);

        // same key, same partition: a dead-lettered record would be counted before the marker is handled
        awaitOneMail(to);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(delivery(anonymized.id())).isEmpty();
        assertThat(orderDeadLetters()).isEqualTo(deadLettersBefore);
    }

    private double orderDeadLetters() {
        var counter = meters.find("notifications.dead.letters")
                .tag("topic", Topics.ORDER_EVENTS)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void assertSent(CloudEvent<?> event, String to) {
        Delivery delivery = awaitDelivery(event.id(), d -> d.getStatus() == DeliveryStatus.SENT);
        assertThat(delivery.getEventType()).isEqualTo(event.type());
        assertThat(delivery.getRecipient()).isEqualTo(to);
        assertThat(delivery.getAttempts()).isEqualTo(1);
        assertThat(delivery.getSentAt()).isNotNull();
    }

    private static <T> CloudEvent<T> userEvent(String type, T data) {
        return event("/user-service", type, id(), data);
    }

    private static <T> CloudEvent<T> orderEvent(String type, String orderId, T data) {
        return event("/order-service", type, orderId, data);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
