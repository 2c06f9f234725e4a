package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Paying an order by card on the payment sandbox, as the provider's card form does with a test card. */
final class CardPayments {

    private CardPayments() {}

    /**
     * The order's card payment once its intent exists: it is created right after the order commits, or on a later
     * read when the provider was slow.
     */
    static JsonNode awaitIntent(Gateway gateway, String orderId, String token) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> Http.json(gateway.get("/api/orders/" + orderId, token))
                                .path("payment"),
                        p -> !p.path("checkoutUrl").isMissingNode()
                                && !p.path("checkoutUrl").isNull());
    }

    /** Confirms the intent behind the checkout URL with the card that succeeds; the sandbox then signs a webhook. */
    static void payWithVisa(String sandbox, JsonNode payment) {
        String intent = payment.path("checkoutUrl").asString().replaceAll(".*/checkout/([^?]+).*", "$1");
        var confirmed =
                Http.send(HttpRequest.newBuilder(URI.create(sandbox + "/v1/payment_intents/" + intent + "/confirm"))
                        .header("Authorization", "Bearer sk_test_sandbox_local")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("payment_method=pm_card_visa")));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    /** Waits for the order to show the status, for example PAID once the webhook has arrived. */
    static void awaitStatus(Gateway gateway, String orderId, String token, String status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> Http.json(gateway.get("/api/orders/" + orderId, token))
                                .path("status")
                                .asString(),
                        status::equals);
    }
}
