package dev.shopstack.order.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.ConnectException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * catalog-service's stock reservations, guarded: short HTTP timeouts bound each attempt, retries with backoff
 * (every call here is idempotent by order id), and a circuit breaker so a dead catalog answers in milliseconds.
 * Releases have their own breaker, so the background release job cannot hold the order path's breaker open
 * (or use up its half-open probes).
 */
@Component
public class CatalogClient {

    static final String BREAKER = "catalog";
    static final String RELEASE_BREAKER = "catalog-release";

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Problem(String detail, Long productId) {}

    private final RestClient catalog;
    private final CircuitBreaker breaker;
    private final CircuitBreaker releaseBreaker;
    private final Retry retry;

    public CatalogClient(RestClient catalogRestClient, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.catalog = catalogRestClient;
        this.breaker = breakers.circuitBreaker(BREAKER);
        this.releaseBreaker = breakers.circuitBreaker(RELEASE_BREAKER);
        this.retry = retries.retry(BREAKER);
    }

    /** Takes the stock for all lines, or none; the answer carries the price snapshot. */
    public Reservation reserve(UUID orderId, List<StockRequest.Line> lines) {
        return guarded(
                breaker,
                () -> call(catalog.put()
                        .uri("/internal/stock/reservations/{orderId}", orderId)
                        .body(new StockRequest(lines))));
    }

    /** The order is paid: the stock is sold and the reservation no longer expires. */
    public Reservation confirm(UUID orderId) {
        return guarded(
                breaker, () -> call(catalog.post().uri("/internal/stock/reservations/{orderId}/confirm", orderId)));
    }

    /** Gives the stock back; a reservation that never existed counts as released. */
    public void release(UUID orderId) {
        guarded(releaseBreaker, () -> {
            try {
                return call(catalog.post().uri("/internal/stock/reservations/{orderId}/release", orderId));
            } catch (CatalogRejectedException e) {
                if (e.status().value() == HttpStatus.NOT_FOUND.value()) {
                    return null;
                }
                throw e;
            }
        });
    }

    private <T> T guarded(CircuitBreaker circuitBreaker, Supplier<T> call) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call))
                    .get();
        } catch (CallNotPermittedException open) {
            throw new CatalogUnavailableException("catalog-service circuit breaker is open", open);
        }
    }

    private static Reservation call(RestClient.RequestBodySpec request) {
        try {
            return request.exchange((req, response) -> {
                if (response.getStatusCode().is2xxSuccessful()) {
                    return response.bodyTo(Reservation.class);
                }
                if (response.getStatusCode().is4xxClientError()
                        && response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()
                        && response.getStatusCode().value() != HttpStatus.FORBIDDEN.value()) {
                    Problem problem = readProblem(response);
                    throw new CatalogRejectedException(response.getStatusCode(), problem.detail(), problem.productId());
                }
                // 5xx, or 401/403: our internal token is wrong, which is an outage from the customer's view
                throw new CatalogUnavailableException("catalog-service answered " + response.getStatusCode(), null);
            });
        } catch (RestClientException | IllegalStateException e) {
            if (refused(e)) {
                throw new CatalogInstanceRefusedException("a catalog-service instance refused the connection", e);
            }
            // timeouts, no instance in discovery
            throw new CatalogUnavailableException("catalog-service is not reachable: " + e.getMessage(), e);
        }
    }

    private static boolean refused(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Problem readProblem(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
        try {
            Problem problem = response.bodyTo(Problem.class);
            return problem != null ? problem : new Problem(null, null);
        } catch (RuntimeException unreadable) {
            return new Problem(null, null);
        }
    }
}
