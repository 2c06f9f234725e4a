package dev.shopstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.notification.IntegrationTestSupport;
import dev.shopstack.platform.test.TestJwts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class DeliveryLogApiTest extends IntegrationTestSupport {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void aLoggedDelivery() {
        deliveries.save(new Delivery("evt-1", "user.registered", "alice@example.test", NOW));
    }

    @Test
    void anAdminReadsTheDeliveryLog() {
        var response = asAdmin("/api/notifications");

        assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response).bodyJson().extractingPath("$.content[0].eventId").isEqualTo("evt-1");
        assertThat(response).bodyJson().extractingPath("$.content[0].status").isEqualTo("PENDING");
        assertThat(response).bodyJson().extractingPath("$.page.totalElements").isEqualTo(1);
    }

    @Test
    void theLogFiltersByStatusTypeAndRecipient() {
        var sent = new Delivery("evt-2", "order.placed", "bob@example.test", NOW);
        sent.startAttempt(NOW);
        sent.sent(NOW);
        deliveries.save(sent);
        var failed = new Delivery("evt-3", "order.placed", "Alice@Example.test", NOW);
        failed.startAttempt(NOW);
        failed.failed("MailSendException: connection refused", NOW);
        deliveries.save(failed);

        assertThat(asAdmin("/api/notifications?status=SENT"))
                .bodyJson()
                .extractingPath("$.content[*].eventId")
                .asArray()
                .containsExactly("evt-2");
        assertThat(asAdmin("/api/notifications?type=order.placed"))
                .bodyJson()
                .extractingPath("$.content[*].eventId")
                .asArray()
                .containsExactlyInAnyOrder("evt-2", "evt-3");
        assertThat(asAdmin("/api/notifications?recipient=alice@example.test"))
                .bodyJson()
                .extractingPath("$.content[*].eventId")
                .asArray()
                .containsExactlyInAnyOrder("evt-1", "evt-3");
        var failedOnly = asAdmin("/api/notifications?status=FAILED&type=order.placed&recipient=alice@example.test");
        assertThat(failedOnly)
                .bodyJson()
                .extractingPath("$.content[0].lastError")
                .isEqualTo("MailSendException: connection refused");
        assertThat(failedOnly)
                .bodyJson()
                .extractingPath("$.content[0].attempts")
                .isEqualTo(1);
        assertThat(asAdmin("/api/notifications?size=1&page=1"))
                .bodyJson()
                .extractingPath("$.page.totalPages")
                .isEqualTo(3);
    }

    @Test
    void anUnknownStatusIsABadRequest() {
        assertThat(asAdmin("/api/notifications?status=LOST"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aCustomerMayNotReadOtherPeoplesMail() {
        var response = mvc.get()
                .uri("/api/notifications")
                .header(
                        "Authorization",
                        "Bearer " + TestJwts.customer(UUID.randomUUID().toString()))
                .exchange();

        assertThat(response).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyText().doesNotContain("alice@");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        assertThat(mvc.get().uri("/api/notifications").exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult asAdmin(String uri) {
        return mvc.get()
                .uri(uri)
                .header(
                        "Authorization",
                        "Bearer " + TestJwts.admin(UUID.randomUUID().toString()))
                .exchange();
    }
}
