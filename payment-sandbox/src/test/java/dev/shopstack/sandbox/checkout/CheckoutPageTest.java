package dev.shopstack.sandbox.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import dev.shopstack.sandbox.IntegrationTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hosted card page driven over plain HTTP, as a browser without JavaScript would. */
class CheckoutPageTest extends IntegrationTestSupport {

    static final String RETURN = "http://localhost:8088/orders/42/paid?lang=en";

    @Test
    void theVisaCardPaysAndTheBrowserReturnsToTheShop() throws Exception {
        PaymentIntent intent = create();

        HttpResponse<String> page = page(intent, RETURN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .startsWith("default-src 'none'; style-src 'sha256-")
                        .contains("frame-ancestors 'none'")
                        .contains("form-action 'self' http://localhost:*")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body())
                .contains(
                        "EUR 19.99",
                        "<label for=\"card_number\">Card number</label>",
                        "autocomplete=\"cc-number\"",
                        "<label for=\"expiry\">",
                        "<label for=\"cvc\">",
                        "<label for=\"name\">",
                        "name=\"client_secret\" value=\"" + intent.getClientSecret() + "\"");

        HttpResponse<String> paid = submit(intent, RETURN, "4242 4242 4242 4242");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .hasValue(RETURN + "&payment_intent=" + intent.getId() + "&payment_intent_client_secret="
                        + intent.getClientSecret() + "&redirect_status=succeeded");
        PaymentIntent after = stripe.v1().paymentIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.v1()
                        .paymentMethods()
                        .retrieve(after.getPaymentMethod())
                        .getBillingDetails()
                        .getName())
                .isEqualTo("Ada Lovelace");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> types(eventsAbout(intent.getId())).contains("payment_intent.succeeded"));
        assertThat(page(intent, RETURN).body())
                .as("a second visit")
                .contains("Already paid")
                .contains("redirect_status=succeeded");
    }

    @Test
    void aDeclinedCardReturnsWithFailedAndTheIntentStaysPayable() throws Exception {
        assertFails("4000 0000 0000 0002", "generic_decline");
    }

    @Test
    void insufficientFundsReturnsWithFailed() throws Exception {
        assertFails("4000000000009995", "insufficient_funds");
    }

    private void assertFails(String card, String declineCode) throws Exception {
        PaymentIntent intent = create();

        HttpResponse<String> failed = submit(intent, RETURN, card);

        assertThat(failed.statusCode()).isEqualTo(303);
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("&redirect_status=failed");
        PaymentIntent after = stripe.v1().paymentIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> types(eventsAbout(intent.getId())).contains("payment_intent.payment_failed"));
        assertThat(submit(intent, RETURN, "4242424242424242")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("paying again with another card")
                .endsWith("&redirect_status=succeeded");
    }

    @Test
    void withoutAReturnUrlThePageShowsTheResult() throws Exception {
        PaymentIntent declined = create();
        HttpResponse<String> again = submit(declined, null, "4000000000000002");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Your card was declined.", "Try another card", "<form");

        HttpResponse<String> paid = submit(create(), null, "4242424242424242");
        assertThat(paid.body()).contains("Payment succeeded", "EUR 19.99");
    }

    @Test
    void otherCardsAndBadFieldsAreRefusedBesideTheirFields() throws Exception {
        PaymentIntent intent = create();

        HttpResponse<String> refused = post(
                intent,
                "client_secret=" + enc(intent.getClientSecret())
                        + "&card_number=5555555555554444&expiry=01%2F20&cvc=12&name=");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Your card number is invalid",
                        "expiration date is in the past",
                        "Enter the security code",
                        "Enter the name on the card",
                        "role=\"alert\"",
                        "aria-invalid=\"true\"")
                .doesNotContain("5555555555554444");
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getLatestCharge())
                .isNull();
    }

    @Test
    void aWrongClientSecretOrAForeignReturnHostIsRefused() throws Exception {
        PaymentIntent intent = create();

        assertThat(get("/checkout/" + intent.getId() + "?client_secret=" + intent.getId() + "_secret_guess", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(
                                intent,
                                "client_secret=" + intent.getId() + "_secret_guess&card_number=4242424242424242"
                                        + "&expiry=12%2F40&cvc=123&name=Eve")
                        .statusCode())
                .isEqualTo(404);
        assertThat(page(intent, "https://evil.example/steal").statusCode()).isEqualTo(400);
        assertThat(page(intent, "javascript:alert(1)").statusCode()).isEqualTo(400);
        assertThat(page(intent, "http://user@localhost/x").statusCode()).isEqualTo(400);
        assertThat(submit(intent, "https://evil.example/steal", "4242424242424242")
                        .statusCode())
                .isEqualTo(400);
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus())
                .isEqualTo("requires_payment_method");
    }

    @Test
    void aCanceledIntentCannotBePaid() throws Exception {
        PaymentIntent intent = create();
        stripe.v1().paymentIntents().cancel(intent.getId());

        assertThat(page(intent, RETURN).body()).contains("Payment canceled");
        assertThat(submit(intent, RETURN, "4242424242424242").statusCode()).isEqualTo(409);
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus())
                .isEqualTo("canceled");
    }

    private PaymentIntent create() throws Exception {
        return stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(1999L)
                        .setCurrency("eur")
                        .setDescription("Order 42")
                        .build());
    }

    private HttpResponse<String> page(PaymentIntent intent, String returnUrl) throws Exception {
        return get(
                "/checkout/" + intent.getId() + "?client_secret=" + enc(intent.getClientSecret())
                        + (returnUrl == null ? "" : "&return_url=" + enc(returnUrl)),
                null);
    }

    private HttpResponse<String> submit(PaymentIntent intent, String returnUrl, String card) throws Exception {
        return post(
                intent,
                "client_secret=" + enc(intent.getClientSecret())
                        + (returnUrl == null ? "" : "&return_url=" + enc(returnUrl))
                        + "&card_number=" + enc(card) + "&expiry=" + enc("12 / 34") + "&cvc=123&name="
                        + enc("Ada Lovelace"));
    }

    private HttpResponse<String> post(PaymentIntent intent, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/checkout/" + intent.getId()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
