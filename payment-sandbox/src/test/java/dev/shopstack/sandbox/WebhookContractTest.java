package dev.shopstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as Stripe sends them: signed so that stripe-java's {@code Webhook.constructEvent} accepts them and refuses
 * any change, rendered in stripe-java's API version so the event's object deserializes, retried until a 2xx, in
 * order per PaymentIntent; and the test hooks that hold, lose and replay them.
 */
class WebhookContractTest extends IntegrationTestSupport {

    @Test
    void aPaymentSendsSignedEventsInOrderWhoseObjectsDeserialize() throws Exception {
        PaymentIntent paid = confirmVisa(create(1500L, "eur"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> RECEIVER.about(paid.getId()).size() >= 3);
        List<Event> events = eventsAbout(paid.getId());

        assertThat(types(events))
                .containsExactly("payment_intent.created", "charge.succeeded", "payment_intent.succeeded");
        Event succeeded = events.get(2);
        assertThat(succeeded.getId()).startsWith("evt_");
        assertThat(succeeded.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
        assertThat(succeeded.getLivemode()).isFalse();
        assertThat(succeeded.getRequest().getIdempotencyKey()).isNotBlank();
        PaymentIntent object = (PaymentIntent)
                succeeded.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object.getId()).isEqualTo(paid.getId());
        assertThat(object.getStatus()).isEqualTo("succeeded");
        assertThat(object.getAmountReceived()).isEqualTo(1500L);
        Charge charge =
                (Charge) events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(charge.getPaymentIntent()).isEqualTo(paid.getId());
        WebhookReceiver.Received request = RECEIVER.about(paid.getId()).get(2);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.userAgent()).startsWith("Stripe/1.0");
        assertThat(request.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
    }

    @Test
    void aTamperedPayloadAnOldTimestampOrAnotherSecretFailStripeJavasCheck() throws Exception {
        PaymentIntent paid = confirmVisa(create(1800L, "eur"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RECEIVER.about(paid.getId()).size() >= 3);
        WebhookReceiver.Received request = RECEIVER.about(paid.getId()).get(2);

        assertThat(Webhook.constructEvent(request.payload(), request.signature(), WEBHOOK_SECRET, 300)
                        .getType())
                .isEqualTo("payment_intent.succeeded");
        String tampered = request.payload().replace("\"amount_received\":1800", "\"amount_received\":1");
        assertThat(tampered).isNotEqualTo(request.payload());
        assertThatThrownBy(() -> Webhook.constructEvent(tampered, request.signature(), WEBHOOK_SECRET, 300))
                .isInstanceOf(SignatureVerificationException.class);
        Clock tenMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        assertThatThrownBy(() -> Webhook.constructEvent(
                        request.payload(), request.signature(), WEBHOOK_SECRET, 300, tenMinutesLater))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> Webhook.constructEvent(
                        request.payload(), request.signature(), "whsec_someone_elses_secret", 300))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aFailingEndpointIsRetriedWithBackOffAndHoldsTheIntentsLaterEventsBack() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        RECEIVER.answer(request -> request.payload().contains("\"payment_intent.created\"")
                        && request.payload().contains("retry-me")
                        && refusals.getAndIncrement() < 2
                ? 503
                : 200);
        PaymentIntent intent = stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(900L)
                        .setCurrency("eur")
                        .putMetadata("test", "retry-me")
                        .build());
        confirmVisa(intent);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> RECEIVER.about(intent.getId()).size() >= 5);
        List<WebhookReceiver.Received> received = RECEIVER.about(intent.getId());
        List<Event> events =
                received.stream().map(IntegrationTestSupport::verified).toList();

        assertThat(types(events))
                .containsExactly(
                        "payment_intent.created",
                        "payment_intent.created",
                        "payment_intent.created",
                        "charge.succeeded",
                        "payment_intent.succeeded");
        assertThat(events.get(0).getId()).isEqualTo(events.get(2).getId());
        assertThat(received.get(1).receivedAtMillis() - received.get(0).receivedAtMillis())
                .as("the first retry waits the initial back-off")
                .isGreaterThanOrEqualTo(150);
        assertThat(received.get(2).receivedAtMillis() - received.get(1).receivedAtMillis())
                .as("the second waits twice as long")
                .isGreaterThanOrEqualTo(350);
        assertThat(get("/sandbox/webhooks/deliveries?payment_intent=" + intent.getId(), SECRET_KEY)
                        .body())
                .contains("\"attempts\":3", "\"state\":\"DELIVERED\"")
                .doesNotContain("PENDING");
    }

    @Test
    void refundsSendRefundCreatedAndChargeRefunded() throws Exception {
        PaymentIntent paid = confirmVisa(create(3000L, "eur"));
        stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(paid.getId())
                        .setAmount(1000L)
                        .build());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> RECEIVER.about(paid.getId()).size() >= 5);
        List<Event> events = eventsAbout(paid.getId());

        assertThat(types(events).subList(3, 5)).containsExactly("refund.created", "charge.refunded");
        Refund refund =
                (Refund) events.get(3).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(refund.getAmount()).isEqualTo(1000L);
        Charge charge =
                (Charge) events.get(4).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(charge.getAmountRefunded()).isEqualTo(1000L);
        assertThat(charge.getRefunded()).isFalse();
    }

    @Test
    void aLostWebhookIsStillListedAsAnEventAndCanBeSentAgain() throws Exception {
        post("/sandbox/webhooks/pause", SECRET_KEY, "");
        PaymentIntent paid;
        try {
            paid = confirmVisa(create(2500L, "eur"));
            Thread.sleep(500);
            assertThat(RECEIVER.about(paid.getId()))
                    .as("held back while paused")
                    .isEmpty();
            assertThat(post("/sandbox/webhooks/discard", SECRET_KEY, "payment_intent=" + paid.getId())
                            .body())
                    .contains("\"discarded\":3");
        } finally {
            post("/sandbox/webhooks/resume", SECRET_KEY, "");
        }
        Thread.sleep(500);
        assertThat(RECEIVER.about(paid.getId())).as("lost for good").isEmpty();

        StripeCollection<Event> listed = stripe.v1()
                .events()
                .list(EventListParams.builder()
                        .setType("payment_intent.succeeded")
                        .setLimit(100L)
                        .setCreated(EventListParams.Created.builder()
                                .setGte(paid.getCreated())
                                .build())
                        .build());
        Event succeeded = listed.getData().stream()
                .filter(event -> event.getDataObjectDeserializer()
                        .getObject()
                        .map(object -> ((PaymentIntent) object).getId().equals(paid.getId()))
                        .orElse(false))
                .findFirst()
                .orElseThrow();
        assertThat(stripe.v1().events().retrieve(succeeded.getId()).getType()).isEqualTo("payment_intent.succeeded");

        assertThat(post("/sandbox/webhooks/resend/" + succeeded.getId(), SECRET_KEY, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/sandbox/webhooks/flush", SECRET_KEY, "").body()).contains("\"delivered\"");
        List<Event> replayed = eventsAbout(paid.getId());
        assertThat(replayed).extracting(Event::getId).containsExactly(succeeded.getId());
    }

    @Test
    void eventsArePagedNewestFirst() throws Exception {
        long since = Instant.now().getEpochSecond();
        PaymentIntent first = confirmVisa(create(1100L, "eur"));
        PaymentIntent second = confirmVisa(create(1200L, "eur"));

        EventListParams.Builder query = EventListParams.builder()
                .setType("payment_intent.*")
                .setLimit(2L)
                .setCreated(EventListParams.Created.builder().setGte(since).build());
        StripeCollection<Event> page = stripe.v1().events().list(query.build());
        assertThat(page.getHasMore()).isTrue();
        assertThat(types(page.getData())).containsExactly("payment_intent.succeeded", "payment_intent.created");
        assertThat(page.getData().get(0).toJson()).contains(second.getId());
        StripeCollection<Event> next = stripe.v1()
                .events()
                .list(query.setStartingAfter(page.getData().get(1).getId()).build());
        assertThat(next.getData().get(0).toJson()).contains(first.getId());
        assertThat(stripe.v1()
                        .events()
                        .list(EventListParams.builder()
                                .addType("charge.succeeded")
                                .setCreated(EventListParams.Created.builder()
                                        .setGte(since)
                                        .build())
                                .build())
                        .getData())
                .extracting(Event::getType)
                .containsOnly("charge.succeeded")
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
