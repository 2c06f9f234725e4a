package dev.shopstack.order.catalog;

/**
 * The chosen catalog-service instance refused the connection: nothing was sent, so the call is retried on the next
 * instance, and the circuit breaker does not count it. One dead replica among healthy ones must not open the breaker
 * for all of them; a dead instance costs a fast refusal and a retry until discovery drops it. If every try is refused,
 * the caller gets the same 503 as for any unavailable catalog.
 */
public class CatalogInstanceRefusedException extends CatalogUnavailableException {

    public CatalogInstanceRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
