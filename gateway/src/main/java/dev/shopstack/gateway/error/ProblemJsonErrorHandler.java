package dev.shopstack.gateway.error;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers (no route, no instance, peer refused or timed out, rejected path) is
 * RFC 9457 problem+json. Nothing of the exception but a deliberate message leaves the gateway.
 */
@Component
@Order(-2) // before Boot's default handler, which answers plain JSON
public class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final ProblemResponses problems;

    public ProblemJsonErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError()) {
            log.warn(
                    "{} {} failed with {}: {} (cause: {})",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    status.value(),
                    error.toString(),
                    rootCause(error));
        }
        if (error instanceof ErrorResponse errorResponse) {
            // deliberate headers such as Retry-After or Allow travel with the problem
            response.getHeaders().addAll(errorResponse.getHeaders());
        }
        return problems.write(exchange, status, detailOf(error, status));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        if (causedBy(error, ConnectException.class)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (causedBy(error, TimeoutException.class)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(Throwable error, HttpStatusCode status) {
        if (status.value() == 404) {
            return "No such resource.";
        }
        if (error instanceof ResponseStatusException rse
                && rse.getReason() != null
                && (status.is4xxClientError() || status.value() == 503 || status.value() == 504)) {
            return rse.getReason(); // deliberate, e.g. "The catalog-service service is unavailable. ..."
        }
        if (status.value() == 503) {
            return "The service behind this route is unavailable. Try again shortly.";
        }
        if (status.value() == 504) {
            return "The service behind this route did not answer in time.";
        }
        return status.is4xxClientError() ? "The request was rejected." : "The gateway could not complete the request.";
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** What actually went wrong under the fallback's wrapping, for the operator reading the log. */
    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? "none" : root.toString();
    }
}
