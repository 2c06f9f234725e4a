package dev.shopstack.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.sandbox.IntegrationTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Hostile or clumsy requests get Stripe's error envelope and a 4xx: never a 500, a stack trace or an HTML page. */
class ApiHardeningTest extends IntegrationTestSupport {

    @Test
    void withoutTheSecretKeyNothingAnswers() throws Exception {
        HttpResponse<String> none = post("/v1/payment_intents", null, "amount=100&currency=eur");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"type\":\"invalid_request_error\"", "You did not provide an API key");
        assertThat(post("/v1/payment_intents", "sk_test_guess_guess", "amount=100&currency=eur")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/sandbox/webhooks/pause", null, "").statusCode())
                .as("the test hooks too")
                .isEqualTo(401);
        assertThat(get("/v1/events", "sk_test_sandbox_local").statusCode())
                .as("Basic auth as curl -u sends it")
                .isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreStripesUnrecognizedUrl() throws Exception {
        HttpResponse<String> unknown = get("/v1/customers", SECRET_KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{\"error\":").contains("Unrecognized request URL");
        HttpResponse<String> wrongMethod = post("/v1/events", SECRET_KEY, "");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.body()).contains("Unrecognized request URL (POST: /v1/events)");
    }

    @Test
    void malformedParametersAreStripes400s() throws Exception {
        assertError(post("/v1/payment_intents", SECRET_KEY, "currency=eur"), 400, "parameter_missing", "amount");
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=12.5&currency=eur"),
                400,
                "parameter_invalid_integer",
                "amount");
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur&metadata[a][b][c]=x"),
                400,
                "parameter_unknown",
                null);
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur&metadata[k]=" + "x".repeat(501)),
                400,
                "parameter_invalid_string",
                "metadata[k]");
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur&amount=200"),
                400,
                "parameter_invalid_string",
                "amount");
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur&capture_method=manual"),
                400,
                "parameter_invalid_string",
                "capture_method");
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur&expand[]=customer"),
                400,
                null,
                "expand");
        assertError(get("/v1/events?limit=1000", SECRET_KEY), 400, "parameter_invalid_integer", "limit");
        assertError(get("/v1/events?starting_after=evt_nope", SECRET_KEY), 400, "resource_missing", "starting_after");
        assertError(
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur", "Stripe-Version", "yesterday"),
                400,
                null,
                null);
    }

    @Test
    void oversizedFormsAreRefusedBeforeParsing() throws Exception {
        StringBuilder many = new StringBuilder("amount=100&currency=eur");
        for (int i = 0; i < 300; i++) {
            many.append("&metadata[k").append(i).append("]=v");
        }
        HttpResponse<String> tooMany = post("/v1/payment_intents", SECRET_KEY, many.toString());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).startsWith("{\"error\":");

        HttpResponse<String> tooBig =
                post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur&description=" + "x".repeat(40_000));
        assertThat(tooBig.statusCode()).isBetween(400, 413);
        assertThat(tooBig.body()).doesNotContain("Exception", "at dev.");
    }

    @Test
    void anIdempotencyKeyBelongsToOneEndpoint() throws Exception {
        String key = "idem-" + System.nanoTime();
        assertThat(post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur", "Idempotency-Key", key)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> elsewhere =
                post("/v1/refunds", SECRET_KEY, "amount=100&currency=eur", "Idempotency-Key", key);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("\"type\":\"idempotency_error\"", "same endpoint");

        String refusedKey = "idem-refused-" + System.nanoTime();
        assertThat(post("/v1/payment_intents", SECRET_KEY, "amount=1&currency=eur", "Idempotency-Key", refusedKey)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/payment_intents", SECRET_KEY, "amount=100&currency=eur", "Idempotency-Key", refusedKey)
                        .statusCode())
                .as("a refused request does not use its key up")
                .isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String param) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("{\"error\":").contains("\"type\":\"invalid_request_error\"");
        if (code != null) {
            assertThat(response.body()).contains("\"code\":\"" + code + "\"");
        }
        if (param != null) {
            assertThat(response.body()).contains("\"param\":\"" + param + "\"");
        }
    }
}
