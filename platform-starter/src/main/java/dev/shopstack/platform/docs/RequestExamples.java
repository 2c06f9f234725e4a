package dev.shopstack.platform.docs;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives every JSON request body the example in the service's {@code api-examples/<operationId>.json}: Swagger UI
 * starts "Try it out" from it, and Spectral checks it against the body's schema (docs/api). An
 * operation without its file is left bare, which the lint refuses.
 */
final class RequestExamples implements OpenApiCustomizer {

    private final ClassLoader resources;

    RequestExamples(ClassLoader resources) {
        this.resources = resources;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(this::addExample));
    }

    private void addExample(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        String file = "api-examples/" + operation.getOperationId() + ".json";
        try (InputStream in = resources.getResourceAsStream(file)) {
            if (in == null) {
                return;
            }
            var example = Json.mapper().readTree(in);
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json")) {
                    media.setExample(example);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
