package dev.shopstack.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox running on a random port, with a real webhook receiver, and the official stripe-java client pointed
 * at it exactly as order-service points it at the sandbox or at api.stripe.com.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestSupport {

    public static final String SECRET_KEY = "sk_test_sandbox_local";
    public static final String WEBHOOK_SECRET = "whsec_sandbox_local";

    protected static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void webhookEndpoint(DynamicPropertyRegistry registry) {
        registry.add("shop.sandbox.webhook-url", RECEIVER::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected SandboxProperties properties;

    protected StripeClient stripe;

    @BeforeEach
    void stripeClient() {
        RECEIVER.answer(request -> 200);
        stripe = StripeClient.builder()
                .setApiKey(SECRET_KEY)
                .setApiBase(base())
                .setMaxNetworkRetries(0)
                .build();
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** A PaymentIntent of that amount in the currency's smallest unit, created through stripe-java. */
    protected PaymentIntent create(long amount, String currency) throws Exception {
        return stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(amount)
                        .setCurrency(currency)
                        .build());
    }

    /** Confirms the intent with Stripe's test Visa card, which pays. */
    protected PaymentIntent confirmVisa(PaymentIntent intent) throws Exception {
        return stripe.v1()
                .paymentIntents()
                .confirm(
                        intent.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod("pm_card_visa")
                                .build());
    }

    /** The webhooks received about a PaymentIntent, checked with stripe-java's own signature check. */
    protected static List<Event> eventsAbout(String paymentIntent) {
        return RECEIVER.about(paymentIntent).stream()
                .map(IntegrationTestSupport::verified)
                .toList();
    }

    protected static Event verified(WebhookReceiver.Received request) {
        try {
            return Webhook.constructEvent(request.payload(), request.signature(), WEBHOOK_SECRET, 300);
        } catch (SignatureVerificationException e) {
            throw new AssertionError("a webhook failed stripe-java's signature check", e);
        }
    }

    protected static List<String> types(List<Event> events) {
        return events.stream().map(Event::getType).toList();
    }

    /** A raw form POST to the API, for what stripe-java would never send. */
    protected HttpResponse<String> post(String path, String key, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        if (key != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String form(String... pairs) {
        return Stream.of(pairs).collect(Collectors.joining("&"));
    }
}
