package dev.shopstack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Every error carries a type from the catalogue (docs/errors.md); the API document lists neither /error nor the
 * resolved caller.
 */
class ProblemTypesApiTest extends IntegrationTestSupport {

    @Test
    void aMissingCategoryIsANotFoundProblemFromTheCatalogue() {
        var response = mvc.get().uri("/api/categories/987654321").exchange();

        assertThat(response).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://shopstack.dev/problems/not-found");
    }

    @Test
    void anInvalidQueryParameterIsAValidationProblemFromTheCatalogue() {
        var response = mvc.get().uri("/api/categories?size=100000").exchange();

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://shopstack.dev/problems/validation");
    }

    @Test
    void theApiDocumentDoesNotListTheErrorPage() {
        var response = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(response).hasStatusOk();
        assertThat(response)
                .bodyJson()
                .extractingPath("$.paths")
                .asMap()
                .doesNotContainKey("/error")
                .containsKey("/api/categories");
        // the caller comes from the token, not from a request parameter
        assertThat(response)
                .bodyJson()
                .extractingPath("$.paths['/api/products'].get.parameters[*].name")
                .asArray()
                .isNotEmpty()
                .doesNotContain("caller");
    }
}
