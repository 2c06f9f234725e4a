package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.order.PaymentSandbox;
import dev.shopstack.order.WebhookRelay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/payments/webhook}: public, but only a body signed with the webhook secret, recently, changes
 * anything. The bodies are the sandbox's real events (as the relay received them), re-typed as a success.
 */
class PaymentWebhookApiTest extends IntegrationTestSupport {

    static final UUID CAROL = UUID.randomUUID();

    @Test
    void aForgedTamperedOrStaleSignatureIs400AndChangesNothing() throws Exception {
        UUID order = place(CAROL, BOOK, 1);
        String success = forgedSuccess(order);
        long now = Instant.now().getEpochSecond();

        assertRefused(send(success, sign(success, "whsec_guessed", now)), order);
        assertRefused(
                send(
                        success,
                        sign(success.replace("\"livemode\"", "\"livemode\" "), PaymentSandbox.WEBHOOK_SECRET, now)),
                order); // signed another body
        assertRefused(send(success, sign(success, PaymentSandbox.WEBHOOK_SECRET, now - 3600)), order); // an hour old
        assertRefused(send(success, null), order);
        assertRefused(send(success, "t=" + now + ",v1=zz"), order);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payment_webhook_events WHERE event_id LIKE 'evt_forged_%'",
                        Integer.class))
                .as("refused events are not recorded")
                .isZero();

        // the control: the same body, signed now with the real secret, is taken (so the refusals were the signature)
        assertThat(send(success, sign(success, PaymentSandbox.WEBHOOK_SECRET, now)))
                .hasStatus(HttpStatus.OK);
        assertThat(read(get(order), "$.status")).isEqualTo("PAID");
    }

    @Test
    void aBodyOver64KbIs413() {
        String huge = "{\"id\":\"evt_x\",\"pad\":\"" + "x".repeat(70_000) + "\"}";

        assertThat(send(
                        huge,
                        sign(huge, PaymentSandbox.WEBHOOK_SECRET, Instant.now().getEpochSecond())))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theWebhookNeedsNoToken() {
        UUID order = place(CAROL, BOOK, 1);
        String success = forgedSuccess(order);

        var response = send(
                success,
                sign(success, PaymentSandbox.WEBHOOK_SECRET, Instant.now().getEpochSecond()));

        assertThat(response).hasStatus(HttpStatus.OK);
        assertThat(read(response, "$.outcome")).isEqualTo("APPLIED");
    }

    @Test
    void aSuccessThatCollectedLessThanTheTotalIsPutToReviewNotPaid() {
        UUID order = place(CAROL, BOOK, 1); // 29.99 EUR
        String shortPaid = received(forgedSuccess(order), 100); // amount 2999, but only 1.00 collected

        var response = send(
                shortPaid,
                sign(shortPaid, PaymentSandbox.WEBHOOK_SECRET, Instant.now().getEpochSecond()));

        assertThat(read(response, "$.outcome")).isEqualTo("REVIEW");
        var admin = mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", adminBearer())
                .exchange();
        assertThat(read(admin, "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(read(admin, "$.payment.status")).isEqualTo("REVIEW");
        assertThat(read(admin, "$.payment.failure")).isEqualTo("received 100 EUR (minor units), the order is 2999 EUR");
        assertThat(read(get(order), "$.payment.failure"))
                .as("the customer does not see why")
                .isEqualTo("The payment is under review.");
        assertThat(count("payments")).isZero();
    }

    @Test
    void aSuccessForAnOrderNotCommittedYetIsAnswered503AndNotRecordedSoTheProviderRetries() {
        UUID order = place(CAROL, BOOK, 1);
        UUID notYet = UUID.randomUUID();
        String intentId = jdbc.queryForObject(
                "SELECT payment_intent_id FROM orders WHERE id = ?", String.class, order.toString());
        String early = forgedSuccess(order)
                .replace(order.toString(), notYet.toString())
                .replace(intentId, "pi_notyetknown");

        var response = send(
                early, sign(early, PaymentSandbox.WEBHOOK_SECRET, Instant.now().getEpochSecond()));

        assertThat(response)
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .endsWith("/webhook-order-unknown");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payment_webhook_events WHERE event_id LIKE " + "'evt_forged_%'",
                        Integer.class))
                .as("not recorded: its redelivery is applied")
                .isZero();
        assertThat(read(get(order), "$.status")).isEqualTo("PENDING_PAYMENT");
    }

    private void assertRefused(MvcTestResult response, UUID order) {
        assertThat(response)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .endsWith("/webhook-signature-invalid");
        assertThat(read(get(order), "$.status")).isEqualTo("PENDING_PAYMENT");
        assertThat(count("payments")).isZero();
    }

    /** The event with another {@code amount_received}. */
    private static String received(String event, long amount) {
        return event.replaceFirst("\"amount_received\":\\s*\\d+", "\"amount_received\": " + amount);
    }

    /**
     * The sandbox's real payment_intent.created event of the order, turned into a success nobody paid (with the
     * amount received that a success has).
     */
    private String forgedSuccess(UUID order) {
        String intentId = jdbc.queryForObject(
                "SELECT payment_intent_id FROM orders WHERE id = ?", String.class, order.toString());
        String created = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> WebhookRelay.get().about(intentId).stream()
                                .map(WebhookRelay.Delivery::payload)
                                .filter(p -> p.contains("\"payment_intent.created\""))
                                .findFirst()
                                .orElse(null),
                        p -> p != null);
        long amount = Long.parseLong(created.replaceFirst("(?s).*?\"amount\":\\s*(\\d+).*", "$1"));
        return received(
                created.replace("\"payment_intent.created\"", "\"payment_intent.succeeded\"")
                        .replaceFirst("\"id\":\\s*\"evt_", "\"id\": \"evt_forged_"),
                amount);
    }

    private MvcTestResult send(String payload, String signature) {
        var request = mvc.post()
                .uri("/api/payments/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.exchange();
    }

    private MvcTestResult get(UUID order) {
        return mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", bearer(CAROL))
                .exchange();
    }

    /** Stripe's scheme: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload">}. */
    static String sign(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
