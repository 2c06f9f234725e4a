package dev.shopstack.order.catalog;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.time.Duration;

/**
 * catalog-service did not answer in time, answered 5xx, or the circuit breaker is open. The outcome of the call
 * is unknown; all stock calls are idempotent, so this is the one failure that is retried. The client gets a 503
 * problem with {@code Retry-After}.
 */
public class CatalogUnavailableException extends ApiProblem {

    private final String reason;

    public CatalogUnavailableException(String reason, Throwable cause) {
        super(
                ProblemType.CATALOG_UNAVAILABLE,
                "The catalog is not available right now, nothing was ordered. Try again in a moment.",
                cause);
        retryAfter(Duration.ofSeconds(5));
        this.reason = reason;
    }

    /** What went wrong, for the logs (the client only sees a generic detail). */
    public String reason() {
        return reason;
    }
}
