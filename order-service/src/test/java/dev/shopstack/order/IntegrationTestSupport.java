package dev.shopstack.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import dev.shopstack.events.Topics;
import dev.shopstack.platform.test.PublishedEvents;
import dev.shopstack.platform.test.TestJwtConfiguration;
import dev.shopstack.platform.test.TestJwts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One Spring context for all order-service API tests: the real service over MockMvc, H2 (or MariaDB in CI), an
 * embedded Kafka broker, and a real HTTP catalog stub reached through the load-balanced client and Spring Cloud's
 * simple discovery client.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestJwtConfiguration.class)
@EmbeddedKafka(
        partitions = 1,
        topics = {"order-events", "user-events", "session-revocations"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTestSupport {

    protected static final CatalogStub CATALOG = new CatalogStub();
    /** The real payment-sandbox (a process), reached through a proxy the provider-down tests can cut. */
    protected static final PaymentSandbox SANDBOX =
            PaymentSandbox.get(WebhookRelay.get().url());

    protected static final FaultProxy PROVIDER = FaultProxy.to(SANDBOX.port());
    protected static final long BOOK = 12;
    protected static final long LAMP = 7;
    protected static final long DOLLAR_MUG = 99;

    private static PublishedEvents events;

    @DynamicPropertySource
    static void catalogInstance(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.discovery.client.simple.instances.catalog-service[0].uri",
                () -> "http://127.0.0.1:" + CATALOG.port());
        registry.add("shop.payments.stripe.api-base", PROVIDER::base);
    }

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    /** stripe-java against the sandbox: what the provider itself knows of a payment. */
    protected final StripeClient stripe = StripeClient.builder()
            .setApiKey(PaymentSandbox.SECRET_KEY)
            .setApiBase(SANDBOX.base())
            .build();

    @BeforeEach
    void cleanSlate() {
        PROVIDER.mode(FaultProxy.Mode.UP);
        WebhookRelay.get().target(mvc);
        for (String table : new String[] {
            "payment_webhook_events",
            "payments",
            "idempotency_keys",
            "order_lines",
            "orders",
            "stock_releases",
            "outbox_events"
        }) {
            jdbc.update("DELETE FROM " + table);
        }
        CATALOG.reset();
        CATALOG.product(BOOK, "BOOK-001", "Clean Code", "29.99", "EUR", 10);
        CATALOG.product(LAMP, "LAMP-001", "Desk Lamp", "45.50", "EUR", 10);
        CATALOG.product(DOLLAR_MUG, "MUG-001", "Mug", "9.00", "USD", 10);
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        if (events == null) {
            events = new PublishedEvents(brokers, Topics.ORDER_EVENTS);
        }
    }

    @AfterAll
    static void closeEvents() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    protected PublishedEvents events() {
        return events;
    }

    protected static String bearer(UUID customer) {
        return "Bearer " + TestJwts.customer(customer.toString());
    }

    protected static String adminBearer() {
        return "Bearer " + TestJwts.admin(UUID.randomUUID().toString());
    }

    protected static String body(long productId, int quantity) {
        return """
                {"lines": [{"productId": %d, "quantity": %d}], %s}""".formatted(productId, quantity, ADDRESS);
    }

    protected static final String ADDRESS = """
            "shippingAddress": {"name": "Alice Example", "line1": "Main Street 1", "postalCode": "10115",
              "city": "Berlin", "country": "DE"}""";

    protected MvcTestResult post(UUID customer, String key, String json) {
        return mvc.post()
                .uri("/api/orders")
                .header("Authorization", bearer(customer))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    /** Places an order and answers its id. */
    protected UUID place(UUID customer, long productId, int quantity) {
        var response = post(customer, UUID.randomUUID().toString(), body(productId, quantity));
        assertThat(response).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(read(response, "$.id"));
    }

    protected MvcTestResult pay(String bearer, UUID orderId, String amount, String currency) {
        return mvc.post()
                .uri("/api/orders/{id}/payment", orderId)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"amount": %s, "currency": "%s", "method": "MANUAL", "reference": "BANK-TX-42"}""".formatted(amount, currency))
                .exchange();
    }

    protected MvcTestResult cancel(String bearer, UUID orderId) {
        return mvc.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .header("Authorization", bearer)
                .exchange();
    }

    protected MvcTestResult changeStatus(String bearer, UUID orderId, String status) {
        return mvc.patch()
                .uri("/api/orders/{id}/status", orderId)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"" + status + "\"}")
                .exchange();
    }

    protected static String read(MvcTestResult response, String path) {
        try {
            return JsonPath.read(response.getResponse().getContentAsString(), path)
                    .toString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    protected String intentOf(UUID order) {
        return jdbc.queryForObject("SELECT payment_intent_id FROM orders WHERE id = ?", String.class, order.toString());
    }

    /** The customer pays the intent with the test card 4242 4242 4242 4242, as the card page would. */
    protected PaymentIntent payWithTestCard(String intentId) throws StripeException {
        return stripe.v1()
                .paymentIntents()
                .confirm(
                        intentId,
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod("pm_card_visa")
                                .build());
    }

    /** The id of the provider's newest event of this type ({@code payment_intent.succeeded}, ...) about the intent. */
    protected String eventAbout(String intentId, String type) throws StripeException {
        return eventsAbout(intentId, type).stream().findFirst().orElseThrow();
    }

    /** The ids of the provider's events of this type about the intent, newest first. */
    protected List<String> eventsAbout(String intentId, String type) throws StripeException {
        return stripe
                .v1()
                .events()
                .list(EventListParams.builder().setType(type).setLimit(20L).build())
                .getData()
                .stream()
                .filter(e -> e.toJson().contains(intentId))
                .map(e -> e.getId())
                .toList();
    }

    /** How many events of this type the order wrote (the outbox empties payloads once sent; the rows stay). */
    protected int outboxEvents(UUID order, String type) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_events WHERE record_key = ? AND event_type = ?",
                Integer.class,
                order.toString(),
                type);
    }

    /** One of the sandbox's own endpoints (test hooks, lookups), which must answer 200. */
    protected static String sandbox(String method, String path) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(SANDBOX.base() + path))
                                .header("Authorization", "Bearer " + PaymentSandbox.SECRET_KEY)
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
