package dev.shopstack.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure of the API and the test hooks in Stripe's envelope: never a stack trace, never an HTML page. */
@RestControllerAdvice(
        basePackages = {
            "dev.shopstack.sandbox.intents",
            "dev.shopstack.sandbox.refunds",
            "dev.shopstack.sandbox.events",
            "dev.shopstack.sandbox.webhooks",
            "dev.shopstack.sandbox.api"
        })
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(StripeApiException.class)
    ResponseEntity<Map<String, Object>> stripe(StripeApiException error) {
        return ResponseEntity.status(error.status()).body(error.body());
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<Map<String, Object>> unrecognized(HttpServletRequest request) {
        return stripe(unrecognizedUrl(request.getMethod(), request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception error, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), error);
        return stripe(new StripeApiException(
                500, "api_error", null, null, "An unknown error occurred while processing your request."));
    }

    /** Stripe answers an unknown path, or a known path with another method, with this 404. */
    static StripeApiException unrecognizedUrl(String method, String path) {
        return new StripeApiException(
                404,
                "invalid_request_error",
                null,
                null,
                "Unrecognized request URL (" + Ids.printable(method) + ": "
                        + Ids.printable(path).replace('?', '/') + "). Please see https://stripe.com/docs.");
    }
}
