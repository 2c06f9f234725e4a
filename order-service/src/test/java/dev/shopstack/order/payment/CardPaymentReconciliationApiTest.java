package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.stripe.exception.CardException;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import dev.shopstack.order.FaultProxy;
import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.order.WebhookRelay;
import dev.shopstack.order.orders.UnpaidOrderExpiry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the provider knows and order-service did not hear: lost webhooks (reconciliation), a payment in the last
 * second of the payment window, a webhook before the order knew its intent, a request the provider refuses.
 * Webhooks are held back, dropped and replayed with the sandbox's test hooks.
 */
class CardPaymentReconciliationApiTest extends IntegrationTestSupport {

    static final UUID DORA = UUID.randomUUID();
    static final long STICKER = 55;
    static final Duration WEBHOOK = Duration.ofSeconds(20);

    @Autowired
    CardPaymentReconciliation reconciliation;

    @Autowired
    UnpaidOrderExpiry expiry;

    @Autowired
    CardPayments cardPayments;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void webhooksFlowAgain() throws Exception {
        sandbox("POST", "/sandbox/webhooks/resume");
    }

    @Test
    void aPaymentWhoseWebhookWasLostIsReconciledOnceAndTheLateWebhookChangesNothing() throws Exception {
        UUID order = place(DORA, BOOK, 1);
        String intentId = intentOf(order);
        loseWebhooks(intentId, () -> payWithTestCard(intentId));
        assertThat(read(get(order), "$.status")).isEqualTo("PENDING_PAYMENT");
        double paidBefore = reconciled("paid");

        assertThat(reconciliation.reconcilePlacedBefore(Instant.now().plusSeconds(1)))
                .isEqualTo(1);

        assertThat(read(get(order), "$.status")).isEqualTo("PAID");
        assertThat(read(get(order), "$.payment.status")).isEqualTo("SUCCEEDED");
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");
        assertThat(outboxEvents(order, "order.status-changed")).isEqualTo(1);
        assertThat(reconciled("paid") - paidBefore).isEqualTo(1.0);
        assertThat(reconciliation.reconcilePlacedBefore(Instant.now().plusSeconds(1)))
                .as("paid: not asked again")
                .isZero();

        String eventId = eventAbout(intentId, "payment_intent.succeeded");
        sandbox("POST", "/sandbox/webhooks/resend/" + eventId);
        sandbox("POST", "/sandbox/webhooks/flush");
        await().atMost(WEBHOOK).until(() -> !WebhookRelay.get().about(eventId).isEmpty());
        var late = WebhookRelay.get().about(eventId).get(0);
        assertThat(late.status()).isEqualTo(200);
        assertThat(JsonPath.<String>read(late.answer(), "$.outcome")).isEqualTo("DUPLICATE");
        assertThat(outboxEvents(order, "order.status-changed")).isEqualTo(1);
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void aDeclineWhoseWebhookWasLostIsReconciledOnce() throws Exception {
        UUID order = place(DORA, BOOK, 1);
        String intentId = intentOf(order);
        loseWebhooks(
                intentId,
                () -> assertThatThrownBy(() -> stripe.v1()
                                .paymentIntents()
                                .confirm(
                                        intentId,
                                        PaymentIntentConfirmParams.builder()
                                                .setPaymentMethod("pm_card_chargeDeclined")
                                                .build()))
                        .isInstanceOf(CardException.class));

        reconciliation.reconcilePlacedBefore(Instant.now().plusSeconds(1));
        reconciliation.reconcilePlacedBefore(Instant.now().plusSeconds(1));

        assertThat(read(get(order), "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(read(get(order), "$.payment.status")).isEqualTo("FAILED");
        assertThat(read(get(order), "$.payment.failure")).isEqualTo("Your card was declined.");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_events WHERE record_key = ? AND event_type = "
                                + "'order.payment-failed'",
                        Integer.class,
                        order.toString()))
                .isEqualTo(1);
    }

    @Test
    void ordersYoungerThanTheAgeAreNotAskedAbout() {
        place(DORA, BOOK, 1);

        assertThat(reconciliation.reconcilePlacedBefore(Instant.now().minusSeconds(60)))
                .isZero();
    }

    @Test
    void thePaymentWindowDoesNotCancelAnOrderPaidInItsLastSecondButMarksItPaidOnce() throws Exception {
        UUID order = place(DORA, BOOK, 1);
        String intentId = intentOf(order);
        sandbox("POST", "/sandbox/webhooks/pause"); // the success is on its way when the window closes
        payWithTestCard(intentId);

        assertThat(expiry.cancelPlacedBefore(Instant.now().plusSeconds(1))).isZero();

        assertThat(read(get(order), "$.status")).isEqualTo("PAID");
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");
        assertThat(stripe.v1().paymentIntents().retrieve(intentId).getStatus()).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_events WHERE record_key = ? AND event_type = "
                                + "'order.cancelled'",
                        Integer.class,
                        order.toString()))
                .isZero();
        assertThat(outboxEvents(order, "order.status-changed")).isEqualTo(1);

        sandbox("POST", "/sandbox/webhooks/flush"); // the webhook arrives after all
        await().atMost(WEBHOOK)
                .until(() -> WebhookRelay.get().about(intentId).stream()
                        .anyMatch(d -> d.payload().contains("\"payment_intent.succeeded\"")));
        var webhook = WebhookRelay.get().about(intentId).stream()
                .filter(d -> d.payload().contains("\"payment_intent.succeeded\""))
                .findFirst()
                .orElseThrow();
        assertThat(JsonPath.<String>read(webhook.answer(), "$.outcome")).isEqualTo("DUPLICATE");
        assertThat(outboxEvents(order, "order.status-changed")).isEqualTo(1);
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void thePaymentWindowCancelsTheIntentBeforeTheOrder() throws Exception {
        UUID order = place(DORA, BOOK, 1);
        String intentId = intentOf(order);

        assertThat(expiry.cancelPlacedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(stripe.v1().paymentIntents().retrieve(intentId).getStatus()).isEqualTo("canceled");
        assertThat(read(get(order), "$.status")).isEqualTo("CANCELLED");
    }

    @Test
    void thePaymentWindowLeavesAPaymentUnderReviewToAnAdmin() throws Exception {
        UUID review = place(DORA, BOOK, 1);
        String intentId = intentOf(review);
        // what a success that does not fit the order leaves behind: the provider may hold the customer's money
        jdbc.update("UPDATE orders SET payment_state = 'REVIEW' WHERE id = ?", review.toString());
        UUID unpaid = place(DORA, LAMP, 1);

        assertThat(expiry.cancelPlacedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(read(get(review), "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(stripe.v1().paymentIntents().retrieve(intentId).getStatus()).isNotEqualTo("canceled");
        assertThat(read(get(unpaid), "$.status")).isEqualTo("CANCELLED");
    }

    @Test
    void aSuccessArrivingBeforeTheOrderStoredItsIntentIdPaysTheOrderAndRecordsTheIntent() throws Exception {
        PROVIDER.mode(FaultProxy.Mode.DOWN); // the order commits without knowing its intent
        var placed = post(DORA, UUID.randomUUID().toString(), body(BOOK, 1));
        UUID order = UUID.fromString(read(placed, "$.id"));
        assertThat(read(placed, "$.payment.status")).isEqualTo("INTENT_PENDING");
        PROVIDER.mode(FaultProxy.Mode.UP);
        var intent = stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(2999L)
                        .setCurrency("eur")
                        .putMetadata("order_id", order.toString())
                        .build());

        payWithTestCard(intent.getId());

        await().atMost(WEBHOOK).until(() -> read(get(order), "$.status").equals("PAID"));
        assertThat(intentOf(order)).isEqualTo(intent.getId());
        assertThat(read(get(order), "$.payment.status")).isEqualTo("SUCCEEDED");
        cardPayments.createDueIntents();
        assertThat(intentOf(order)).as("no second intent for a paid order").isEqualTo(intent.getId());
    }

    @Test
    void aPaymentTheProviderRefusesIsPutToReviewAtOnceAndNotRetried() {
        CATALOG.product(STICKER, "STICKER-001", "Sticker", "0.10", "EUR", 10); // below Stripe's 0.50 EUR minimum

        var placed = post(DORA, UUID.randomUUID().toString(), body(STICKER, 1));

        assertThat(placed).hasStatus(HttpStatus.CREATED);
        assertThat(read(placed, "$.payment.status")).isEqualTo("REVIEW");
        assertThat(read(placed, "$.payment.failure")).isEqualTo("The payment is under review.");
        UUID order = UUID.fromString(read(placed, "$.id"));
        var admin = mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", adminBearer())
                .exchange();
        assertThat(read(admin, "$.payment.failure"))
                .startsWith("The payment provider refused the payment")
                .contains("amount_too_small");
        assertThat(jdbc.queryForObject(
                        "SELECT payment_next_attempt_at FROM orders WHERE id = ?", Object.class, order.toString()))
                .as("no retry scheduled")
                .isNull();
    }

    /** Pays (or fails) with every webhook of the intent dropped: the provider knows, order-service never hears. */
    private void loseWebhooks(String intentId, ThrowingRunnable action) throws Exception {
        sandbox("POST", "/sandbox/webhooks/pause");
        action.run();
        sandbox("POST", "/sandbox/webhooks/discard?payment_intent=" + intentId);
        sandbox("POST", "/sandbox/webhooks/resume");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private double reconciled(String outcome) {
        var counter =
                meters.find("shop.payments.reconciled").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private MvcTestResult get(UUID order) {
        return mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", bearer(DORA))
                .exchange();
    }
}
