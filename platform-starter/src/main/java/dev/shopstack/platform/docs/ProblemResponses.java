package dev.shopstack.platform.docs;

import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Documents the errors every operation can answer, all as application/problem+json with the catalogue's types
 * (docs/errors.md): 400 where there is input, 401 unless the path is public (those also need no token in the
 * document), 404 where the path names a resource, 429 everywhere (the gateway's rate limits). The role checks'
 * 403 and each handler's {@link Problems} come from {@link OperationProblems}; every error response gets the
 * problem+json body here.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMA = "Problem";

    private final List<String> publicPaths;

    ProblemResponses(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(SCHEMA, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    boolean open = isPublic(method, path);
                    if (open) {
                        operation.setSecurity(List.of());
                    }
                    ApiResponses responses = operation.getResponses();
                    if (hasInput(operation)) {
                        addIfAbsent(responses, ProblemType.VALIDATION);
                    }
                    if (!open) {
                        addIfAbsent(responses, ProblemType.UNAUTHORIZED);
                    }
                    if (path.contains("{")) {
                        addIfAbsent(responses, ProblemType.NOT_FOUND);
                    }
                    addIfAbsent(responses, ProblemType.TOO_MANY_REQUESTS);
                    responses.forEach((code, response) -> {
                        if (code.startsWith("4") || code.startsWith("5")) {
                            response.setContent(new Content()
                                    .addMediaType(
                                            PROBLEM_JSON,
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
                        }
                    });
                }));
    }

    static void addIfAbsent(ApiResponses responses, ProblemType type) {
        String code = String.valueOf(type.status());
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(describe(type)));
        }
    }

    static String describe(ProblemType type) {
        return type.title() + " (" + type.uri() + ")";
    }

    private boolean isPublic(PathItem.HttpMethod method, String path) {
        return publicPaths.stream().map(rule -> rule.trim().split("\\s+", 2)).anyMatch(rule -> {
            boolean anyMethod = rule.length == 1;
            boolean methodMatches =
                    anyMethod || rule[0].toUpperCase(Locale.ROOT).equals(method.name());
            return methodMatches
                    && PathPatternParser.defaultInstance
                            .parse(rule[anyMethod ? 0 : 1])
                            .matches(PathContainer.parsePath(path));
        });
    }

    private static boolean hasInput(Operation operation) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
    }

    private static Schema<?> problemSchema() {
        var fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("email"))
                .addProperty("message", new StringSchema().example("must be a well-formed email address"));
        return new ObjectSchema()
                .description("An error (RFC 9457). Clients branch on type, one of the catalogue in docs/errors.md.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .example(ProblemType.VALIDATION.uri().toString()))
                .addProperty("title", new StringSchema().example(ProblemType.VALIDATION.title()))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("for people, not for branching"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").example("/api/auth/register"))
                .addProperty("traceId", new StringSchema().description("the trace to quote in a support request"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(fieldError)
                                .description("the fields that failed validation (type validation)"))
                .required(List.of("type", "title", "status"));
    }
}
