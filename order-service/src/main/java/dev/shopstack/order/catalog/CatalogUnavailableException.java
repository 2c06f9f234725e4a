package dev.shopstack.order.catalog;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * catalog-service did not answer in time, answered 5xx, or the circuit breaker is open. The outcome of the call
 * is unknown; all stock calls are idempotent, so this is the one failure that is retried. The client gets a 503
 * problem with {@code Retry-After}.
 */
public class CatalogUnavailableException extends ErrorResponseException {

    private static final HttpHeaders RETRY_AFTER = HttpHeaders.readOnlyHttpHeaders(retryAfter());

    private final String reason;

    public CatalogUnavailableException(String reason, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        this.reason = reason;
    }

    /** What went wrong, for the logs (the client only sees a generic detail). */
    public String reason() {
        return reason;
    }

    @Override
    public HttpHeaders getHeaders() {
        return RETRY_AFTER;
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The catalog is not available right now, nothing was ordered. Try again in a moment.");
        problem.setType(URI.create("https://shopstack.dev/problems/catalog-unavailable"));
        problem.setTitle("Service unavailable");
        return problem;
    }

    private static HttpHeaders retryAfter() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return headers;
    }
}
