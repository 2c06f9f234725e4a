package dev.shopstack.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    final Operation getProduct = new Operation()
            .addParametersItem(new Parameter().name("id").in("path"))
            .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    final Operation placeOrder = new Operation()
            .requestBody(new RequestBody())
            .responses(new ApiResponses()
                    .addApiResponse("201", new ApiResponse().description("Created"))
                    .addApiResponse(
                            "409",
                            new ApiResponse()
                                    .description("Out of stock")
                                    .content(new Content().addMediaType("application/json", new MediaType()))));
    final OpenAPI api = new OpenAPI()
            .components(new Components())
            .paths(new Paths()
                    .addPathItem("/api/products/{id}", new PathItem().get(getProduct))
                    .addPathItem("/api/orders", new PathItem().post(placeOrder)));

    @Test
    void aPublicReadNeedsNoTokenAndDocumentsItsInputAndMissingResource() {
        new ProblemResponses(List.of("GET /api/products/**")).customise(api);

        assertThat(getProduct.getSecurity()).isEmpty();
        assertThat(getProduct.getResponses()).containsOnlyKeys("200", "400", "404", "429");
        assertThat(getProduct.getResponses().get("404").getDescription())
                .isEqualTo("Not Found (https://shopstack.dev/problems/not-found)");
    }

    @Test
    void aProtectedWriteDocumentsTheMissingTokenAndEveryErrorIsProblemJson() {
        new ProblemResponses(List.of("GET /api/products/**")).customise(api);

        assertThat(placeOrder.getSecurity()).isNull();
        assertThat(placeOrder.getResponses()).containsOnlyKeys("201", "400", "401", "409", "429");
        assertThat(placeOrder.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(placeOrder.getResponses().get("409").getDescription()).isEqualTo("Out of stock");
        assertThat(placeOrder.getResponses().get("201").getContent()).isNull();
        assertThat(api.getComponents().getSchemas().get("Problem").getRequired())
                .contains("type", "title", "status");
    }

    @Test
    void aRuleWithoutAMethodOpensEveryMethodOfItsPaths() {
        new ProblemResponses(List.of("/api/orders")).customise(api);

        assertThat(placeOrder.getSecurity()).isEmpty();
        assertThat(placeOrder.getResponses()).doesNotContainKey("401");
        assertThat(getProduct.getResponses()).containsKey("401");
    }
}
