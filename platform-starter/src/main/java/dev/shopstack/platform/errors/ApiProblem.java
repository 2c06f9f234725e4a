package dev.shopstack.platform.errors;

import dev.shopstack.platform.problems.ProblemType;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberate refusal from domain code: a catalogue {@link ProblemType}, a detail for the client, and optional
 * extra members of the problem body. It names no HTTP class, so entities and services may throw it; the platform's
 * advice answers it as problem+json with the type's status and title. Carries no stack trace: it is an answer, not
 * a failure.
 */
public class ApiProblem extends RuntimeException {

    /** A field that failed validation, as Bean Validation's failures are reported. */
    public record FieldError(String field, String message) {}

    private final ProblemType type;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    protected ApiProblem(ProblemType type, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, null);
    }

    /** A 400 "Validation failed" for one field, shaped like the answers to Bean Validation failures. */
    public static ApiProblem invalidField(String field, String message) {
        return of(ProblemType.VALIDATION, "The request has invalid fields.")
                .with("errors", List.of(new FieldError(field, message)));
    }

    /** Adds a member to the problem body (the offending product id, the limit that was reached...). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The client may try again after this long (at least a second): answered as {@code Retry-After}. */
    public ApiProblem retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** @return whole seconds, at least one, or null when the client should not retry */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, retryAfter.toSeconds());
    }
}
