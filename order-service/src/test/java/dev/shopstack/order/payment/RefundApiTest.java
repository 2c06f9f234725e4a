package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopstack.order.FaultProxy;
import dev.shopstack.order.WebhookRelay;
import dev.shopstack.platform.test.AtOnce;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Refunds against the real payment-sandbox: stripe-java's Refund.create, and its signed charge.refunded. */
class RefundApiTest extends RefundTestSupport {

    @Test
    void aPartialRefundGoesBackThroughTheProviderAndKeepsTheOrderPaid() throws Exception {
        UUID order = paidByCard(BOOK, 1); // 29.99 EUR

        var refund = refund(adminBearer(), order, "10.00", "The cover arrived torn.");

        assertThat(refund).hasStatus(HttpStatus.CREATED);
        assertThat(read(refund, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(read(refund, "$.amount")).isEqualTo("10.0");
        assertThat(read(refund, "$.providerRefundId")).startsWith("re_");
        assertThat(amountRefunded(order)).isEqualTo(1000L);
        var refunds = refunds(bearer(CAROL), order);
        assertThat(read(refunds, "$.refunded")).isEqualTo("10.0");
        assertThat(read(refunds, "$.refundable")).isEqualTo("19.99");
        assertThat(read(refunds, "$.refunds[0].reason")).isEqualTo("The cover arrived torn.");
        assertThat(JsonPath.<Object>read(body(refunds), "$.refunds[0].providerRefundId"))
                .as("admins only")
                .isNull();
        assertThat(read(getOrder(order), "$.status")).isEqualTo("PAID");
        var event = events().await("order.refunded", order).data();
        assertThat(event.path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(event.path("totalRefunded").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(event.path("fullyRefunded").asBoolean()).isFalse();
        assertThat(event.path("reason").asString()).isEqualTo("The cover arrived torn.");
    }

    @Test
    void theOrdersOwnViewShowsTheMethodAndRefundsAndTheProviderIdsToAdminsOnly() throws Exception {
        UUID order = paidByCard(BOOK, 1); // 29.99 EUR
        String refundId = read(refund(adminBearer(), order, "10.00", "The cover arrived torn."), "$.providerRefundId");

        var customers = getOrder(order);
        String json = body(customers);
        assertThat(read(customers, "$.payment.method")).isEqualTo("CARD");
        assertThat(read(customers, "$.refunds.refunded")).isEqualTo("10.0");
        assertThat(read(customers, "$.refunds.currency")).isEqualTo("EUR");
        assertThat(read(customers, "$.refunds.items[0].amount")).isEqualTo("10.0");
        assertThat(read(customers, "$.refunds.items[0].reason")).isEqualTo("The cover arrived torn.");
        assertThat(read(customers, "$.refunds.items[0].status")).isEqualTo("SUCCEEDED");
        assertThat(read(customers, "$.refunds.items[0].createdAt")).isNotBlank();
        assertThat(JsonPath.<Object>read(json, "$.refunds.items[0].providerRefundId"))
                .as("admins only")
                .isNull();
        assertThat(JsonPath.<Object>read(json, "$.payment.intentId"))
                .as("admins only")
                .isNull();
        assertThat(json).doesNotContain(refundId).doesNotContain(intentOf(order));

        var admins = mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", adminBearer())
                .exchange();
        assertThat(read(admins, "$.payment.intentId")).isEqualTo(intentOf(order));
        assertThat(read(admins, "$.refunds.items[0].providerRefundId")).isEqualTo(refundId);
        assertThat(read(admins, "$.refunds.refunded")).isEqualTo("10.0");
    }

    @Test
    void aManuallyPaidOrderShowsItsMethod() throws Exception {
        UUID order = place(CAROL, BOOK, 1);
        assertThat(pay(adminBearer(), order, "29.99", "EUR")).hasStatus(HttpStatus.CREATED);

        assertThat(read(getOrder(order), "$.payment.method")).isEqualTo("MANUAL");
    }

    @Test
    void refundsThatCoverThePaymentMakeTheOrderRefunded() throws Exception {
        UUID order = paidByCard(BOOK, 1);

        assertThat(refund(adminBearer(), order, "9.99", "Late delivery.")).hasStatus(HttpStatus.CREATED);
        assertThat(refund(adminBearer(), order, "20.00", "Returned.")).hasStatus(HttpStatus.CREATED);

        // confirmed by the provider's answer or by its charge.refunded webhook, whichever is applied first
        await().atMost(WEBHOOK).until(() -> read(getOrder(order), "$.status").equals("REFUNDED"));
        assertThat(amountRefunded(order)).isEqualTo(2999L);
        assertThat(read(refunds(adminBearer(), order), "$.refundable")).isEqualTo("0");
        assertThat(events().await("order.status-changed", order)
                        .data()
                        .path("status")
                        .asString())
                .isEqualTo("REFUNDED");
        await().atMost(WEBHOOK).until(() -> outboxEvents(order, "order.refunded") == 2);
        assertThat(refund(adminBearer(), order, "0.01", "Once more."))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .endsWith("/not-refundable");
    }

    @Test
    void aRefundOfMoreThanIsLeftIsAConflictAndReachesNoProvider() throws Exception {
        UUID order = paidByCard(BOOK, 1);
        assertThat(refund(adminBearer(), order, "20.00", "Part.")).hasStatus(HttpStatus.CREATED);

        var tooMuch = refund(adminBearer(), order, "10.00", "Too much.");

        assertThat(tooMuch).hasStatus(HttpStatus.CONFLICT);
        assertThat(read(tooMuch, "$.type")).endsWith("/refund-exceeds-payment");
        assertThat(read(tooMuch, "$.refundable")).isEqualTo("9.99");
        assertThat(amountRefunded(order)).isEqualTo(2000L);
        assertThat(count("refunds")).isEqualTo(1);
    }

    @Test
    void twoAdminsRefundingAtOnceCannotTogetherRefundMoreThanWasPaid() throws Exception {
        UUID order = paidByCard(LAMP, 1); // 45.50 EUR: room for four refunds of 10.00
        int admins = 8;
        List<Integer> statuses = AtOnce.rounds(
                1,
                admins,
                (round, admin) -> refund(adminBearer(), order, "10.00", "Goodwill.")
                        .getResponse()
                        .getStatus());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(4);
        assertThat(amountRefunded(order)).isEqualTo(4000L);
        assertThat(read(refunds(adminBearer(), order), "$.refunded")).isEqualTo("40.0");
        assertThat(read(getOrder(order), "$.status")).isEqualTo("PAID");
    }

    @Test
    void customersCannotRefundButSeeTheRefundsOfTheirOwnOrder() throws Exception {
        UUID order = paidByCard(BOOK, 1);

        assertThat(refund(bearer(CAROL), order, "5.00", "Please.")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refunds(bearer(CAROL), order)).hasStatus(HttpStatus.OK);
        assertThat(refunds(bearer(UUID.randomUUID()), order)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count("refunds")).isZero();
        assertThat(amountRefunded(order)).isZero();
    }

    @Test
    void badAmountsAndMissingReasonsAreRefused() throws Exception {
        UUID order = paidByCard(BOOK, 1);

        assertThat(read(refund(adminBearer(), order, "0", "Zero."), "$.type")).endsWith("/invalid-refund-amount");
        assertThat(read(refund(adminBearer(), order, "1.005", "Tenth of a cent."), "$.type"))
                .endsWith("/invalid-refund-amount");
        assertThat(refund(adminBearer(), order, "1.00", " ")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refund(adminBearer(), order, "1.00", "x".repeat(201))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(count("refunds")).isZero();
    }

    @Test
    void anUnpaidOrShippedOrderCannotBeRefunded() throws Exception {
        UUID unpaid = place(CAROL, BOOK, 1);
        assertThat(read(refund(adminBearer(), unpaid, "1.00", "No."), "$.type")).endsWith("/not-refundable");

        UUID shipped = paidByCard(BOOK, 1);
        assertThat(changeStatus(adminBearer(), shipped, "SHIPPED")).hasStatus(HttpStatus.OK);
        var refused = refund(adminBearer(), shipped, "1.00", "No.");
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(read(refused, "$.type")).endsWith("/not-refundable");
        assertThat(changeStatus(adminBearer(), unpaid, "REFUNDED")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aRedeliveredChargeRefundedEventChangesNothing() throws Exception {
        UUID order = paidByCard(BOOK, 1);
        assertThat(refund(adminBearer(), order, "29.99", "Out of stock after all."))
                .hasStatus(HttpStatus.CREATED);
        String intentId = intentOf(order);
        String eventId = eventAbout(intentId, "charge.refunded");
        await().atMost(WEBHOOK).until(() -> !WebhookRelay.get().about(eventId).isEmpty());

        sandbox("POST", "/sandbox/webhooks/resend/" + eventId);

        await().atMost(WEBHOOK).until(() -> WebhookRelay.get().about(eventId).size() >= 2);
        var replay = WebhookRelay.get().about(eventId).get(1);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(JsonPath.<String>read(replay.answer(), "$.outcome")).isEqualTo("DUPLICATE");
        assertThat(outboxEvents(order, "order.refunded")).isEqualTo(1);
        assertThat(read(getOrder(order), "$.status")).isEqualTo("REFUNDED");
    }

    @Test
    void theWebhookConfirmsARefundTheProviderLeftPending() throws Exception {
        UUID order = paidByCard(BOOK, 1);
        assertThat(refund(adminBearer(), order, "5.00", "Partial.")).hasStatus(HttpStatus.CREATED);
        String intentId = intentOf(order);
        String eventId = eventAbout(intentId, "charge.refunded");
        await().atMost(WEBHOOK).until(() -> !WebhookRelay.get().about(eventId).isEmpty());
        // as if the provider had answered "pending" and its charge.refunded had not arrived yet
        jdbc.update(
                "UPDATE refunds SET status = 'REQUESTED', completed_at = NULL WHERE order_id = ?", order.toString());
        jdbc.update("DELETE FROM payment_webhook_events WHERE event_id = ?", eventId);

        sandbox("POST", "/sandbox/webhooks/resend/" + eventId);

        await().atMost(WEBHOOK).until(() -> WebhookRelay.get().about(eventId).size() >= 2);
        assertThat(JsonPath.<String>read(
                        WebhookRelay.get().about(eventId).get(1).answer(), "$.outcome"))
                .isEqualTo("APPLIED");
        assertThat(read(refunds(adminBearer(), order), "$.refunds[0].status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRefundRequestedWhileTheProviderIsDownIsSentWhenItIsBack() throws Exception {
        UUID order = paidByCard(BOOK, 1);
        PROVIDER.mode(FaultProxy.Mode.DOWN);

        var refund = refund(adminBearer(), order, "29.99", "Damaged.");

        assertThat(refund).hasStatus(HttpStatus.CREATED);
        assertThat(read(refund, "$.status")).isEqualTo("REQUESTED");
        assertThat(read(refunds(adminBearer(), order), "$.pending")).isEqualTo("29.99");
        PROVIDER.mode(FaultProxy.Mode.UP);
        await().atMost(Duration.ofSeconds(40))
                .until(() -> read(getOrder(order), "$.status").equals("REFUNDED"));
        assertThat(amountRefunded(order)).isEqualTo(2999L);
        assertThat(outboxEvents(order, "order.refunded")).isEqualTo(1);
    }

    @Test
    void cancellingAPaidOrderRefundsItAndGivesTheStockBack() throws Exception {
        UUID order = paidByCard(BOOK, 2); // 59.98 EUR
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");

        var cancelled = cancel(bearer(CAROL), order);

        assertThat(cancelled).hasStatus(HttpStatus.OK);
        await().atMost(WEBHOOK).until(() -> read(getOrder(order), "$.status").equals("REFUNDED"));
        assertThat(CATALOG.status(order)).isEqualTo("RELEASED");
        assertThat(amountRefunded(order)).isEqualTo(5998L);
        var refunds = refunds(bearer(CAROL), order);
        assertThat(read(refunds, "$.refunded")).isEqualTo("59.98");
        assertThat(read(refunds, "$.refunds[0].reason")).isEqualTo("Order cancelled: cancelled by the customer");
        assertThat(events().await("order.cancelled", order)).isNotNull();
        assertThat(events().await("order.refunded", order)
                        .data()
                        .path("fullyRefunded")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aManualPaymentIsRefundedWithAReferenceAndNoProvider() throws Exception {
        UUID order = place(CAROL, BOOK, 1);
        assertThat(pay(adminBearer(), order, "29.99", "EUR")).hasStatus(HttpStatus.CREATED);

        assertThat(read(refund(adminBearer(), order, "29.99", "Sent back."), "$.type"))
                .endsWith("/payment-reference-required");
        var refund = mvc.post()
                .uri("/api/orders/{id}/refunds", order)
                .header("Authorization", adminBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": \"29.99\", \"reason\": \"Sent back.\", \"reference\": \"BANK-TX-43\"}")
                .exchange();

        assertThat(refund).hasStatus(HttpStatus.CREATED);
        assertThat(read(refund, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(read(refund, "$.reference")).isEqualTo("BANK-TX-43");
        assertThat(read(getOrder(order), "$.status")).isEqualTo("REFUNDED");
    }
}
