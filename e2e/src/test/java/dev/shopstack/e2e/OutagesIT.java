package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Parts of the platform go away and come back: work is delayed, never lost or done twice. */
class OutagesIT extends StackTestSupport {

    @Test
    void mailForEventsProducedWhileNotificationServiceIsDownIsSentOnceWhenItIsBack() {
        String[] emails = new String[3];
        stack.stop(LocalStack.NOTIFICATION_SERVICE);
        try {
            for (int i = 0; i < emails.length; i++) {
                emails[i] =
                        gateway.register("quiet" + UUID.randomUUID().toString().substring(0, 8));
            }
        } finally {
            stack.start(LocalStack.NOTIFICATION_SERVICE);
        }
        for (String email : emails) {
            mail.await(email, "verification code", Duration.ofSeconds(60));
            mail.await(email, "Welcome", Duration.ofSeconds(30));
        }
        System.out.printf("notification-service outage: %d emails expected%n", emails.length * 2);
        for (String email : emails) {
            assertThat(mail.withSubject(email, "verification code")).as(email).hasSize(1);
            assertThat(mail.withSubject(email, "Welcome")).as(email).hasSize(1);
        }
    }

    @Test
    void mailThatCouldNotBeDeliveredWhileSmtpWasDownArrivesAfterRetries() throws Exception {
        String[] emails = new String[2];
        stack.stop(LocalStack.MAIL);
        try {
            for (int i = 0; i < emails.length; i++) {
                emails[i] =
                        gateway.register("nosmtp" + UUID.randomUUID().toString().substring(0, 8));
            }
            Thread.sleep(3_000); // long enough for the first delivery attempts to fail
        } finally {
            stack.start(LocalStack.MAIL);
        }
        for (String email : emails) {
            mail.await(email, "verification code", Duration.ofSeconds(90));
        }
        System.out.printf("SMTP outage: %d verification emails expected%n", emails.length);
        for (String email : emails) {
            assertThat(mail.withSubject(email, "verification code")).as(email).hasSize(1);
        }
    }

    @Test
    void tokensIssuedBeforeAUserServiceRestartStillWork() {
        String name = "steady" + UUID.randomUUID().toString().substring(0, 8);
        gateway.verifiedCustomer(name, mail);
        JsonNode session = Http.json(gateway.post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(name, Gateway.PASSWORD), null));

        stack.stop(LocalStack.USER_SERVICE);
        stack.start(LocalStack.USER_SERVICE);

        String access = session.path("accessToken").asString();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> gateway.get("/api/users/me", access).statusCode() == 200);
        var refreshed = gateway.post(
                "/api/auth/refresh",
                "{\"refreshToken\":\"" + session.path("refreshToken").asString() + "\"}",
                null);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(gateway.get(
                                "/api/users/me",
                                Http.json(refreshed).path("accessToken").asString())
                        .statusCode())
                .isEqualTo(200);
    }
}
