package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopstack.order.FaultProxy;
import dev.shopstack.order.WebhookRelay;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** How refunds end, against the real payment-sandbox: what confirms them, and what an order owes until they do. */
class RefundOutcomesApiTest extends RefundTestSupport {

    @Test
    void aCancelledOrderCannotBeDeletedWhileItsRefundIsOnItsWay() throws Exception {
        UUID order = paidByCard(BOOK, 1);
        PROVIDER.mode(FaultProxy.Mode.DOWN);
        assertThat(cancel(bearer(CAROL), order)).hasStatus(HttpStatus.OK);
        assertThat(read(refunds(adminBearer(), order), "$.refunds[0].status")).isEqualTo("REQUESTED");

        var refused = delete(order);

        assertThat(refused).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(refused, "$.type")).endsWith("/order-still-open");
        assertThat(count("refunds")).isEqualTo(1);
        PROVIDER.mode(FaultProxy.Mode.UP);
        await().atMost(Duration.ofSeconds(40))
                .until(() -> read(getOrder(order), "$.status").equals("REFUNDED"));
        assertThat(amountRefunded(order)).isEqualTo(2999L);
        assertThat(delete(order)).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void aCancelledOrderPaidOutsideTheShopCannotBeDeletedUntilItsRefundIsRecorded() throws Exception {
        UUID order = place(CAROL, BOOK, 1);
        assertThat(pay(adminBearer(), order, "29.99", "EUR")).hasStatus(HttpStatus.CREATED);
        assertThat(cancel(adminBearer(), order)).hasStatus(HttpStatus.OK);

        assertThat(read(delete(order), "$.type")).endsWith("/order-still-open");

        var refund = mvc.post()
                .uri("/api/orders/{id}/refunds", order)
                .header("Authorization", adminBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": \"29.99\", \"reason\": \"Sent back.\", \"reference\": \"BANK-TX-44\"}")
                .exchange();
        assertThat(refund).hasStatus(HttpStatus.CREATED);
        assertThat(delete(order)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(count("refunds")).isZero();
    }

    @Test
    void chargeRefundedConfirmsOnlyTheRefundsTheProviderReportsSucceeded() throws Exception {
        UUID order = paidByCard(BOOK, 1);
        assertThat(refund(adminBearer(), order, "10.00", "Part.")).hasStatus(HttpStatus.CREATED);
        assertThat(refund(adminBearer(), order, "19.99", "The rest.")).hasStatus(HttpStatus.CREATED);
        List<String> events = chargeRefunded(order); // newest first: its amount refunded is 29.99, both refunds
        assertThat(events).hasSize(2);
        String eventId = events.get(0);
        await().atMost(WEBHOOK)
                .until(() -> events.stream()
                        .allMatch(e -> !WebhookRelay.get().about(e).isEmpty()));
        // As if both had been answered "pending", and the provider could not vouch for the second (yet its
        // amount refunded covers it): the event must confirm the first alone.
        jdbc.update(
                "UPDATE refunds SET status = 'REQUESTED', completed_at = NULL, next_attempt_at = ? "
                        + "WHERE order_id = ?", // not due for the job in this test (TIMESTAMP on MariaDB ends in 2038)
                java.sql.Timestamp.valueOf("2037-01-01 00:00:00"),
                order.toString());
        jdbc.update(
                "UPDATE refunds SET provider_refund_id = 're_not_at_the_provider' WHERE order_id = ? "
                        + "AND amount = ?",
                order.toString(),
                new BigDecimal("19.99"));
        jdbc.update("DELETE FROM payment_webhook_events WHERE event_id = ?", eventId);

        sandbox("POST", "/sandbox/webhooks/resend/" + eventId);

        await().atMost(WEBHOOK).until(() -> WebhookRelay.get().about(eventId).size() >= 2);
        assertThat(JsonPath.<String>read(
                        WebhookRelay.get().about(eventId).get(1).answer(), "$.outcome"))
                .isEqualTo("APPLIED");
        assertThat(statusOfRefund(order, "10.00")).isEqualTo("SUCCEEDED");
        assertThat(statusOfRefund(order, "19.99")).isEqualTo("REQUESTED");
        assertThat(read(refunds(adminBearer(), order), "$.refunded")).isEqualTo("10.0");
    }

    @Test
    void aFullRefundOfAPaidOrderGivesItsStockBack() throws Exception {
        UUID order = paidByCard(BOOK, 2);
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");

        assertThat(refund(adminBearer(), order, "59.98", "Never sent.")).hasStatus(HttpStatus.CREATED);

        // confirmed by the provider's answer or by its charge.refunded webhook, whichever is applied first
        await().atMost(WEBHOOK).until(() -> read(getOrder(order), "$.status").equals("REFUNDED"));
        await().atMost(WEBHOOK).until(() -> "RELEASED".equals(CATALOG.status(order)));
        assertThat(count("stock_releases")).isZero();
    }

    @Test
    void aPartialRefundKeepsTheStockReserved() throws Exception {
        UUID order = paidByCard(BOOK, 1);

        assertThat(refund(adminBearer(), order, "5.00", "Goodwill.")).hasStatus(HttpStatus.CREATED);

        assertThat(read(getOrder(order), "$.status")).isEqualTo("PAID");
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");
        assertThat(count("stock_releases")).isZero();
    }

    private String statusOfRefund(UUID order, String amount) {
        return jdbc.queryForObject(
                "SELECT status FROM refunds WHERE order_id = ? AND amount = ?",
                String.class,
                order.toString(),
                new BigDecimal(amount));
    }
}
