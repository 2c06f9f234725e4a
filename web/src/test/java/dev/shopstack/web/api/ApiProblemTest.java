package dev.shopstack.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiProblemTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void validationErrorsBecomeMessagesPerFormField() {
        var problem = ApiProblem.of(400, json.readTree("""
                {"type":"about:blank","status":400,"title":"Bad Request","detail":"Invalid request content.",
                 "errors":[{"field":"shippingAddress.country","message":"must be an ISO 3166-1 alpha-2 code"},
                           {"field":"email","message":"must be a well-formed email address"}]}"""), null);
        assertThat(problem.fieldErrors())
                .containsEntry("country", "must be an ISO 3166-1 alpha-2 code")
                .containsEntry("email", "must be a well-formed email address");
        assertThat(problem.message()).isEqualTo("Please correct the marked fields.");
    }

    @Test
    void aTooManyRequestsAnswerSaysWhenToRetry() {
        var problem = ApiProblem.of(429, json.readTree("""
                {"status":429,"title":"Too Many Requests","detail":"Rate limit exceeded"}"""), "42");
        assertThat(problem.message()).isEqualTo("Too many attempts. Please try again in 42 seconds.");
        assertThat(ApiProblem.of(429, null, "300").message()).endsWith("in 5 minutes.");
        assertThat(ApiProblem.of(429, null, "soon").message()).endsWith("in 60 seconds.");
    }

    @Test
    void theProblemTypeAndDetailAreKeptForThePage() {
        var problem = ApiProblem.of(409, json.readTree("""
                {"type":"https://shopstack.dev/problems/out-of-stock","status":409,"detail":"Not enough stock of LAMP-1"}"""), null);
        assertThat(problem.is("out-of-stock")).isTrue();
        assertThat(problem.message()).isEqualTo("Not enough stock of LAMP-1");
    }

    @Test
    void anAnswerThatIsNoProblemJsonStillReadsAsWordsNeverAsRawBody() {
        assertThat(ApiProblem.of(502, null, null).message()).startsWith("The shop cannot answer right now");
        assertThat(ApiProblem.of(500, json.readTree("{\"detail\":\"NullPointerException at Foo.java:12\"}"), null)
                        .message())
                .isEqualTo("Something went wrong on our side. Please try again.");
        assertThat(ApiProblem.of(400, json.readTree("[1,2]"), null).message())
                .isEqualTo("The request could not be completed.");
        String longDetail = "x".repeat(5000);
        assertThat(ApiProblem.of(422, json.readTree("{\"detail\":\"" + longDetail + "\"}"), null)
                        .message())
                .hasSizeLessThan(ApiProblem.MAX_DETAIL + 5);
    }
}
