package dev.shopstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Intents and undelivered webhooks live in the database file: a restarted sandbox still knows and sends them. */
class WebhookRestartTest {

    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @TempDir
    Path dataDir;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void webhooksThatFailedBeforeARestartAreDeliveredAfterIt() throws Exception {
        RECEIVER.answer(request -> 503);
        String intentId;
        try (ConfigurableApplicationContext first = start()) {
            StripeClient stripe = client(first);
            PaymentIntent intent = stripe.v1()
                    .paymentIntents()
                    .create(PaymentIntentCreateParams.builder()
                            .setAmount(4200L)
                            .setCurrency("eur")
                            .build());
            stripe.v1()
                    .paymentIntents()
                    .confirm(
                            intent.getId(),
                            PaymentIntentConfirmParams.builder()
                                    .setPaymentMethod("pm_card_visa")
                                    .build());
            intentId = intent.getId();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !RECEIVER.about(intentId).isEmpty());
        }
        int refusedBeforeRestart = RECEIVER.about(intentId).size();
        RECEIVER.answer(request -> 200);

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> RECEIVER.about(intentId).size() >= refusedBeforeRestart + 3);
            var afterRestart = RECEIVER.about(intentId).subList(refusedBeforeRestart, refusedBeforeRestart + 3);
            assertThat(afterRestart.stream()
                            .map(IntegrationTestSupport::verified)
                            .map(Event::getType))
                    .containsExactly("payment_intent.created", "charge.succeeded", "payment_intent.succeeded");
            assertThat(client(second).v1().paymentIntents().retrieve(intentId).getStatus())
                    .isEqualTo("succeeded");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PaymentSandboxApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db")
                                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0",
                        "--shop.sandbox.webhook-url=" + RECEIVER.url(),
                        "--shop.sandbox.webhooks.poll-interval=50ms",
                        "--shop.sandbox.webhooks.initial-backoff=200ms",
                        "--shop.sandbox.webhooks.max-backoff=500ms");
    }

    private static StripeClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return StripeClient.builder()
                .setApiKey(IntegrationTestSupport.SECRET_KEY)
                .setApiBase("http://localhost:" + port)
                .setMaxNetworkRetries(0)
                .build();
    }
}
