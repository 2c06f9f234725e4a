package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One Swagger UI at the gateway lists every service's OpenAPI document, fetched through the gateway. */
class ApiDocsIT extends StackTestSupport {

    @Test
    void theGatewaysSwaggerUiListsEveryServiceAndServesTheirDocuments() throws Exception {
        var config = Http.json(Http.get(stack.gateway() + "/v3/api-docs/swagger-config"));
        List<String> names = new ArrayList<>();
        config.path("urls").forEach(u -> names.add(u.path("name").asString()));
        assertThat(names)
                .containsExactlyInAnyOrder("user-service", "catalog-service", "order-service", "notification-service");

        Map<String, String> expectedPath = Map.of(
                "user-service", "/api/auth/login",
                "catalog-service", "/api/products",
                "order-service", "/api/orders",
                "notification-service", "/api/notifications");
        expectedPath.forEach((service, path) -> {
            var doc = Http.get(stack.gateway() + "/v3/api-docs/" + service);
            assertThat(doc.statusCode()).as(service).isEqualTo(200);
            var json = Http.json(doc);
            assertThat(json.path("openapi").asString()).as(service).startsWith("3.");
            assertThat(json.path("info").path("title").asString()).isEqualTo(service);
            assertThat(json.path("paths").has(path))
                    .as(service + " documents " + path)
                    .isTrue();
            assertThat(json.path("components").path("securitySchemes").has("bearer-jwt"))
                    .isTrue();
        });

        var ui = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.gateway() + "/swagger-ui.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
