package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.stripe.exception.CardException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import dev.shopstack.order.FaultProxy;
import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.order.WebhookRelay;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Card payments against the real payment-sandbox: its API through stripe-java, its signed webhooks. */
class CardPaymentApiTest extends IntegrationTestSupport {

    static final UUID BOB = UUID.randomUUID();
    static final Duration WEBHOOK = Duration.ofSeconds(20);

    @Test
    void placingAnOrderCreatesItsPaymentIntentForTheTotalInMinorUnits() throws Exception {
        var placed = post(BOB, UUID.randomUUID().toString(), body(BOOK, 2)); // 2 x 29.99 EUR

        assertThat(placed).hasStatus(HttpStatus.CREATED);
        assertThat(read(placed, "$.payment.status")).isEqualTo("REQUIRES_PAYMENT");
        assertThat(read(placed, "$.payment.amount")).isEqualTo("5998");
        assertThat(read(placed, "$.payment.currency")).isEqualTo("EUR");
        String orderId = read(placed, "$.id");
        String secret = read(placed, "$.payment.clientSecret");
        String intentId = secret.substring(0, secret.indexOf("_secret_"));
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(intentId);
        assertThat(intent.getAmount()).isEqualTo(5998L);
        assertThat(intent.getCurrency()).isEqualTo("eur");
        assertThat(intent.getMetadata()).containsEntry("order_id", orderId);
        assertThat(read(placed, "$.payment.checkoutUrl"))
                .endsWith(":" + SANDBOX.port() + "/checkout/" + intentId + "?client_secret=" + secret);
        assertThat(jdbc.queryForObject("SELECT payment_intent_id FROM orders WHERE id = ?", String.class, orderId))
                .isEqualTo(intentId);
    }

    @Test
    void aCardPaymentConfirmedAtTheProviderPaysTheOrderThroughTheSignedWebhook() throws Exception {
        UUID order = place(BOB, BOOK, 1);
        String intentId = intentOf(order);

        payWithTestCard(intentId); // 4242 4242 4242 4242

        await().atMost(WEBHOOK).until(() -> read(get(order), "$.status").equals("PAID"));
        assertThat(read(get(order), "$.payment.status")).isEqualTo("SUCCEEDED");
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject(
                        "SELECT reference FROM payments WHERE order_id = ? AND method = 'CARD'",
                        String.class,
                        order.toString()))
                .isEqualTo(intentId);
        assertThat(outboxEvents(order, "order.status-changed")).isEqualTo(1);
        assertThat(events().await("order.status-changed", order)
                        .data()
                        .path("status")
                        .asString())
                .isEqualTo("PAID");
    }

    @Test
    void thePaidOrdersViewShowsItsMethodAndTheIntentIdToAdminsOnly() throws Exception {
        UUID order = place(BOB, BOOK, 1);
        String intentId = intentOf(order);
        assertThat(read(get(order), "$.payment.method"))
                .as("the way offered while unpaid")
                .isEqualTo("CARD");

        payWithTestCard(intentId);
        await().atMost(WEBHOOK).until(() -> read(get(order), "$.status").equals("PAID"));

        var customers = get(order);
        assertThat(read(customers, "$.payment.method")).isEqualTo("CARD");
        assertThat(JsonPath.<Object>read(customers.getResponse().getContentAsString(), "$.payment.intentId"))
                .as("admins only")
                .isNull();
        assertThat(read(customers, "$.refunds.refunded")).isEqualTo("0");
        assertThat(JsonPath.<List<?>>read(customers.getResponse().getContentAsString(), "$.refunds.items"))
                .isEmpty();
        var admins = mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", adminBearer())
                .exchange();
        assertThat(read(admins, "$.payment.intentId")).isEqualTo(intentId);
        assertThat(read(admins, "$.payment.method")).isEqualTo("CARD");
    }

    @Test
    void aRedeliveredEventIsANoOp() throws Exception {
        UUID order = place(BOB, BOOK, 1);
        String intentId = intentOf(order);
        payWithTestCard(intentId);
        await().atMost(WEBHOOK).until(() -> read(get(order), "$.status").equals("PAID"));
        String eventId = eventAbout(intentId, "payment_intent.succeeded");

        sandbox("POST", "/sandbox/webhooks/resend/" + eventId);

        await().atMost(WEBHOOK).until(() -> WebhookRelay.get().about(eventId).size() >= 2);
        var replay = WebhookRelay.get().about(eventId).get(1);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(JsonPath.<String>read(replay.answer(), "$.outcome")).isEqualTo("DUPLICATE");
        assertThat(outboxEvents(order, "order.status-changed")).isEqualTo(1);
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayableAndRecordsTheFailure() throws Exception {
        UUID order = place(BOB, BOOK, 1);
        String intentId = intentOf(order);

        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .confirm(
                                intentId,
                                PaymentIntentConfirmParams.builder()
                                        .setPaymentMethod("pm_card_chargeDeclined")
                                        .build())) // 4000 0000 0000 0002
                .isInstanceOf(CardException.class);

        await().atMost(WEBHOOK).until(() -> read(get(order), "$.payment.status").equals("FAILED"));
        var view = get(order);
        assertThat(read(view, "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(read(view, "$.payment.failure")).isEqualTo("Your card was declined.");
        assertThat(read(view, "$.payment.clientSecret")).startsWith(intentId);
        assertThat(events().await("order.payment-failed", order)
                        .data()
                        .path("reason")
                        .asString())
                .isEqualTo("Your card was declined.");
        assertThat(CATALOG.status(order)).isEqualTo("RESERVED");

        payWithTestCard(intentId);
        await().atMost(WEBHOOK).until(() -> read(get(order), "$.status").equals("PAID"));
    }

    @Test
    void aPaymentOfAnotherAmountIsNotAcceptedAndIsMarkedForReview() throws Exception {
        UUID order = place(BOB, BOOK, 1); // 29.99 EUR
        PaymentIntent other = stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(100L)
                        .setCurrency("eur")
                        .putMetadata("order_id", order.toString())
                        .build());

        payWithTestCard(other.getId());

        await().atMost(WEBHOOK).until(() -> read(get(order), "$.payment.status").equals("REVIEW"));
        assertThat(read(get(order), "$.status")).isEqualTo("PENDING_PAYMENT");
        var admin = mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", adminBearer())
                .exchange();
        assertThat(read(admin, "$.payment.failure")).contains("received 100 EUR");
        assertThat(read(get(order), "$.payment.failure"))
                .as("review reasons are internal")
                .isEqualTo("The payment is under review.");
        assertThat(count("payments")).isZero();
        assertThat(outboxEvents(order, "order.status-changed")).isZero();
    }

    @Test
    void aCustomerCannotDeclareACardPaymentThemselves() {
        UUID order = place(BOB, BOOK, 1);

        var response = mvc.post()
                .uri("/api/orders/{id}/payment", order)
                .header("Authorization", bearer(BOB))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"amount\": 29.99, \"currency\": \"EUR\", \"method\": \"CARD\", \"reference\": \"pi_x\"}")
                .exchange();

        assertThat(response)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .endsWith("/unknown-payment-method");
        assertThat(read(get(order), "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(count("payments")).isZero();
    }

    @Test
    void cancellingAnUnpaidOrderCancelsItsPaymentAtTheProvider() throws Exception {
        UUID order = place(BOB, BOOK, 1);
        String intentId = intentOf(order);

        assertThat(cancel(bearer(BOB), order)).hasStatus(HttpStatus.OK);

        assertThat(stripe.v1().paymentIntents().retrieve(intentId).getStatus()).isEqualTo("canceled");
        assertThat(JsonPath.<Object>read(get(order).getResponse().getContentAsString(), "$.payment.clientSecret"))
                .as("nothing left to pay")
                .isNull();
    }

    @Test
    void whenTheProviderIsDownTheOrderIsPlacedAndItsPaymentCreatedLater() throws Exception {
        PROVIDER.mode(FaultProxy.Mode.DOWN);

        var placed = post(BOB, UUID.randomUUID().toString(), body(BOOK, 1));

        assertThat(placed).hasStatus(HttpStatus.CREATED);
        assertThat(read(placed, "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(read(placed, "$.payment.status")).isEqualTo("INTENT_PENDING");
        assertThat(JsonPath.<Object>read(placed.getResponse().getContentAsString(), "$.payment.clientSecret"))
                .isNull();
        UUID order = UUID.fromString(read(placed, "$.id"));

        PROVIDER.mode(FaultProxy.Mode.UP);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> read(get(order), "$.payment.status").equals("REQUIRES_PAYMENT"));
        String intentId = intentOf(order);
        assertThat(stripe.v1().paymentIntents().retrieve(intentId).getMetadata())
                .containsEntry("order_id", order.toString());
    }

    @Test
    void aProviderThatDoesNotAnswerDelaysPlacingByItsTimeoutOnly() throws Exception {
        PROVIDER.mode(FaultProxy.Mode.HANG);

        long started = System.nanoTime();
        var placed = post(BOB, UUID.randomUUID().toString(), body(BOOK, 1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(placed).hasStatus(HttpStatus.CREATED);
        assertThat(read(placed, "$.payment.status")).isEqualTo("INTENT_PENDING");
        assertThat(took).as("read timeout 1 s in tests").isLessThan(Duration.ofSeconds(4));
        System.out.println("Placing an order while the provider hangs took " + took.toMillis() + " ms");
    }

    private MvcTestResult get(UUID order) {
        return mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", bearer(BOB))
                .exchange();
    }
}
