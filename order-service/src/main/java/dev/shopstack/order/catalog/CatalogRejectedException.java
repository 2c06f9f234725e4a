package dev.shopstack.order.catalog;

import org.springframework.http.HttpStatusCode;

/**
 * catalog-service answered with a 4xx: a business answer (unknown product, not enough stock, reservation gone),
 * not a sign of ill health. Neither retried nor counted by the circuit breaker.
 */
public class CatalogRejectedException extends RuntimeException {

    private final HttpStatusCode status;
    private final Long productId;

    public CatalogRejectedException(HttpStatusCode status, String detail, Long productId) {
        super(detail);
        this.status = status;
        this.productId = productId;
    }

    public HttpStatusCode status() {
        return status;
    }

    public Long productId() {
        return productId;
    }
}
