package dev.shopstack.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderRefunded;
import dev.shopstack.events.order.OrderStatusChanged;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.notification.MalformedEventException;
import dev.shopstack.platform.sealing.EventSeal;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which email an event becomes, without a broker or a mail server: the composer on its own. */
class EmailComposerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String USER = "8d1f6a4e-2b7c-4d7e-9a51-0c3f1e2d4b6a";
    private static final String TOKEN = "Zm9vYmFyLXRva2VuLXJlc2V0LTEyMzQ1Njc4OTA";

    private final EventSeal seal = new EventSeal("a sealing key of thirty-two byte".getBytes(StandardCharsets.UTF_8));
    private final EmailComposer composer = new EmailComposer(
            new MailProperties("Shopstack <no-reply@shop.test>", URI.create("https://shop.test/")),
            seal,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static CloudEvent<Object> event(String type, Object data, Instant time) {
        return CloudEvent.of("/test", type, USER, data, time);
    }

    private Email compose(String type, Object data) {
        return composer.compose(event(type, data, NOW)).orElseThrow();
    }

    private CloudEvent<Object> verification(String email, Instant issued, Instant expiresAt) {
        String sealed = seal.seal(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, USER, "482913");
        return event(
                EventTypes.USER_EMAIL_VERIFICATION_REQUESTED,
                new EmailVerificationRequested(USER, email, "Ada", sealed, expiresAt),
                issued);
    }

    private CloudEvent<Object> reset(String sealedToken) {
        return event(
                EventTypes.USER_PASSWORD_RESET_REQUESTED,
                new PasswordResetRequested(USER, "ada@example.test", "Ada", sealedToken, NOW.plusSeconds(1800)),
                NOW);
    }

    @Test
    void theVerificationMailShowsTheOpenedCodeAndLinksToTheOwnFrontEnd() {
        Email mail = composer.compose(verification("ada+shop@example.test", NOW, NOW.plusSeconds(900)))
                .orElseThrow();

        assertThat(mail.to()).isEqualTo("ada+shop@example.test");
        assertThat(mail.subject()).isEqualTo("Your Shopstack verification code");
        assertThat(mail.template()).isEqualTo("mail/user-email-verification-requested");
        assertThat(mail.model())
                .containsEntry("name", "Ada")
                .containsEntry("code", "482913")
                .containsEntry("verifyLink", "https://shop.test/verify-email?email=ada%2Bshop%40example.test")
                .containsEntry("validFor", "15 minutes")
                .containsEntry("expiresAt", "2026-03-01 10:15 UTC");
    }

    @Test
    void aCodeIsValidForWholeMinutesCountedFromWhenItWasIssued() {
        Instant expires = NOW.plus(Duration.ofMinutes(10));
        assertThat(validFor(verification("ada@example.test", NOW.minus(Duration.ofMinutes(5)), expires)))
                .as("from the event's time, not from when the mail is composed")
                .isEqualTo("15 minutes");
        assertThat(validFor(verification("ada@example.test", null, expires)))
                .as("an event without a time: from the clock")
                .isEqualTo("10 minutes");
        assertThat(validFor(verification("ada@example.test", NOW, NOW.plusSeconds(14 * 60 + 1))))
                .as("rounded up")
                .isEqualTo("15 minutes");
        assertThat(validFor(verification("ada@example.test", NOW, NOW.plusSeconds(30))))
                .isEqualTo("1 minute");
        assertThat(validFor(verification("ada@example.test", NOW, NOW.minusSeconds(300))))
                .isEqualTo("1 minute");
    }

    private String validFor(CloudEvent<Object> event) {
        return (String) composer.compose(event).orElseThrow().model().get("validFor");
    }

    @Test
    void theResetLinkIsTheOwnFrontEndWithTheOpenedToken() {
        Email mail = composer.compose(reset(seal.seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, USER, TOKEN)))
                .orElseThrow();

        assertThat(mail.subject()).isEqualTo("Reset your Shopstack password");
        assertThat(mail.model())
                .containsEntry("resetLink", "https://shop.test/reset-password?token=" + TOKEN)
                .containsEntry("validFor", "30 minutes");
    }

    @Test
    void aSecretThatDoesNotOpenForThisEventAndUserIsAMalformedEventNotAMail() {
        List<String> poison = List.of(
                TOKEN, // in clear
                seal.seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, "another-user", TOKEN),
                seal.seal(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, USER, TOKEN),
                new EventSeal(new byte[32]).seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, USER, TOKEN));

        for (String sealed : poison) {
            assertThatThrownBy(() -> composer.compose(reset(sealed)))
                    .isInstanceOf(MalformedEventException.class)
                    .hasMessageStartingWith("data.sealedToken does not open")
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void aSealedLinkWhereATokenBelongsIsRefused() {
        String link = seal.seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, USER, "https://evil.example/reset?token=x");

        assertThatThrownBy(() -> composer.compose(reset(link)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("data.sealedToken does not hold what it should");
    }

    @Test
    void onlyOneBareAddressIsARecipient() {
        for (String to : List.of(
                "Ada <ada@example.test>",
                "ada@example.test, eve@example.test",
                "ada@example.test\r\nBcc: eve@example.test",
                "not an address",
                "")) {
            var event = event(EventTypes.USER_REGISTERED, new UserRegistered(USER, to, "ada", "Ada"), NOW);
            assertThatThrownBy(() -> composer.compose(event)).as(to).isInstanceOf(MalformedEventException.class);
        }
        assertThat(compose(EventTypes.USER_REGISTERED, new UserRegistered(USER, "ada@example.test", "ada", null))
                        .model())
                .as("no first name: greeted by username")
                .containsEntry("name", "ada")
                .containsEntry("shopLink", "https://shop.test/");
    }

    @Test
    void anOrderStatusMailSaysTheStatusInWordsAndLinksToTheOrder() {
        Email mail = compose(
                EventTypes.ORDER_STATUS_CHANGED,
                new OrderStatusChanged("o/17 x", USER, "ada@example.test", "PAID", "SHIPPED", NOW));

        assertThat(mail.subject()).isEqualTo("Your Shopstack order o/17 x is shipped");
        assertThat(mail.model())
                .containsEntry("status", "shipped")
                .containsEntry("orderLink", "https://shop.test/orders/o%2F17%20x");
    }

    @Test
    void refundedStatusAnonymizedOrdersAndDeletedUsersSendNothing() {
        assertThat(composer.compose(event(
                        EventTypes.ORDER_STATUS_CHANGED,
                        new OrderStatusChanged("o-1", USER, "ada@example.test", "PAID", "REFUNDED", NOW),
                        NOW)))
                .as("the refund's own mail tells it")
                .isEqualTo(Optional.empty());
        assertThat(composer.compose(event(
                        EventTypes.ORDER_STATUS_CHANGED,
                        new OrderStatusChanged("o-1", USER, null, "PAID", "SHIPPED", NOW),
                        NOW)))
                .isEmpty();
        assertThat(composer.compose(event(EventTypes.USER_DELETED, new UserDeleted(USER, NOW), NOW)))
                .isEmpty();
    }

    @Test
    void aPartialRefundSaysSoInTheSubject() {
        Email partial = compose(
                EventTypes.ORDER_REFUNDED,
                new OrderRefunded(
                        "o-1",
                        USER,
                        "ada@example.test",
                        "r-1",
                        new BigDecimal("5.00"),
                        "EUR",
                        "damaged",
                        new BigDecimal("5.00"),
                        false,
                        NOW));
        Email full = compose(
                EventTypes.ORDER_REFUNDED,
                new OrderRefunded(
                        "o-1",
                        USER,
                        "ada@example.test",
                        "r-2",
                        new BigDecimal("15.00"),
                        "EUR",
                        null,
                        new BigDecimal("20.00"),
                        true,
                        NOW));

        assertThat(partial.subject()).isEqualTo("Your Shopstack order o-1 was refunded in part");
        assertThat(full.subject()).isEqualTo("Your Shopstack order o-1 was refunded");
        assertThat(full.model())
                .containsEntry("amount", new BigDecimal("15.00"))
                .containsEntry("totalRefunded", new BigDecimal("20.00"));
    }

    @Test
    void anOrderConfirmationWithoutItsTotalIsMalformed() {
        var placed = new OrderPlaced("o-1", USER, "ada@example.test", List.of(), "EUR", null, NOW);

        assertThatThrownBy(() -> composer.compose(event(EventTypes.ORDER_PLACED, placed, NOW)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("data.total is missing");
    }
}
