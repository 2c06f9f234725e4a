package dev.shopstack.catalog.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The catalog's domain errors. They are {@link ErrorResponseException}s, so the platform's problem+json advice
 * answers them with their status and detail (plus instance and trace id) like every other error.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, detail);
    }

    public static ErrorResponseException preconditionFailed(String detail) {
        return problem(HttpStatus.PRECONDITION_FAILED, detail);
    }

    public static ErrorResponseException unprocessable(String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    /** A field whose value is well-formed but refers to nothing (an unknown category, for example). */
    public static ErrorResponseException invalidField(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields.");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
