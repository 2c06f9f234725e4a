package dev.shopstack.user.support;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A deliberate 4xx answer with an RFC 9457 body; the platform's error handling renders it. */
public class ApiProblem extends ErrorResponseException {

    private static final String TYPE_BASE = "https://shopstack.dev/problems/";

    private final HttpHeaders headers;

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        this(status, problem(status, type, title, detail), HttpHeaders.EMPTY);
    }

    private ApiProblem(HttpStatus status, ProblemDetail body, HttpHeaders headers) {
        super(status, body, null);
        this.headers = headers;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS,
                problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail), headers);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Bad request", detail);
    }

    public static ApiProblem unauthorized(String type, String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, type, "Unauthorized", detail);
    }

    public static ApiProblem forbidden(String type, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, type, "Forbidden", detail);
    }
}
