package dev.shopstack.platform.docs;

import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * The errors only some operations answer: 403 behind a role check ({@code @PreAuthorize} on the method or its
 * controller) and the types a handler lists in {@link Problems}; several types of one status share its response.
 */
final class OperationProblems implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
            ProblemResponses.addIfAbsent(operation.getResponses(), ProblemType.FORBIDDEN);
        }
        Problems problems = handler.getMethodAnnotation(Problems.class);
        if (problems != null) {
            for (ProblemType type : problems.value()) {
                String code = String.valueOf(type.status());
                ApiResponse existing = operation.getResponses().get(code);
                String description = ProblemResponses.describe(type);
                operation
                        .getResponses()
                        .addApiResponse(
                                code,
                                new ApiResponse()
                                        .description(
                                                existing == null
                                                        ? description
                                                        : existing.getDescription() + "; " + description));
            }
        }
        return operation;
    }
}
