package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.e2e.web.Browsers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One order placement is one trace in Zipkin: the gateway, order-service, its call to catalog-service, the outbox
 * relay's send to Kafka, notification-service's consumer and its SMTP send, all under the trace id the client sent.
 */
class TracingIT extends StackTestSupport {

    static final Set<String> ORDER_TRACE =
            Set.of("gateway", "order-service", "catalog-service", "notification-service");

    @BeforeAll
    static void onlyWithZipkin() {
        Assumptions.assumeTrue(stack.settings().zipkin(), "the stack runs without Zipkin (shop.e2e.zipkin=off)");
    }

    @Test
    void anOrderIsOneTraceFromTheGatewayToTheConfirmationEmail() {
        String admin = gateway.adminToken();
        long lamp = gateway.newProduct(admin, 5, "19.90");
        String name = "traced" + UUID.randomUUID().toString().substring(0, 8);
        String customer = gateway.verifiedCustomer(name, mail);
        String traceId = randomHex(16);

        var placed = gateway.placeOrder(lamp, 1, customer, "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = Http.json(placed).path("id").asString();
        mail.await(name + "@example.test", "Your Shopstack order " + orderId, Duration.ofSeconds(30));

        // spans arrive in batches (about once a second per process): wait until every part has reported
        JsonNode spans = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> trace(traceId),
                        found -> found != null && services(found).containsAll(ORDER_TRACE));

        Set<String> services = services(spans);
        System.out.printf("trace %s: %d spans from %s%n", traceId, spans.size(), services);
        assertThat(spans.size()).isGreaterThanOrEqualTo(ORDER_TRACE.size() + 1);
        assertThat(spans)
                .allSatisfy(span -> assertThat(span.path("traceId").asString()).isEqualTo(traceId));
        assertThat(spans)
                .as("the outbox relay's send to Kafka")
                .anySatisfy(span -> assertThat(span.path("kind").asString()).isEqualTo("PRODUCER"));
        assertThat(spans).as("notification-service's consumer").anySatisfy(span -> {
            assertThat(span.path("kind").asString()).isEqualTo("CONSUMER");
            assertThat(span.path("localEndpoint").path("serviceName").asString())
                    .isEqualTo("notification-service");
        });
        assertThat(spans)
                .as("the hand-over of the confirmation email")
                .anySatisfy(span -> assertThat(span.path("name").asString()).isEqualTo("smtp send"));
        Browsers.screenshot(stack.zipkin() + "/zipkin/traces/" + traceId, "zipkin-order-trace");
    }

    /** Zipkin's spans of the trace, or null while it knows none (404). */
    private static JsonNode trace(String traceId) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(stack.zipkin() + "/api/v2/trace/" + traceId))
                .GET());
        return response.statusCode() == 200 ? Http.json(response) : null;
    }

    private static Set<String> services(JsonNode spans) {
        Set<String> services = new TreeSet<>();
        spans.forEach(span ->
                services.add(span.path("localEndpoint").path("serviceName").asString()));
        return services;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
