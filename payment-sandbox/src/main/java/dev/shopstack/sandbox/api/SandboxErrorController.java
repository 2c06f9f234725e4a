package dev.shopstack.sandbox.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (Tomcat refusing an oversized form, a filter's failure): Stripe's envelope
 * on the API, a plain page elsewhere. Never a stack trace or Spring's white-label page.
 */
@Controller
public class SandboxErrorController implements ErrorController {

    private final ErrorWriter errors;

    public SandboxErrorController(ErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text ? text : "";
        if (path.startsWith("/v1") || path.startsWith("/sandbox/")) {
            if (status == 404 || status == 405) {
                Object method = request.getAttribute(ApiRequestFilter.METHOD);
                errors.write(
                        response,
                        ApiExceptionHandler.unrecognizedUrl(
                                method instanceof String name ? name : request.getMethod(), path));
                return;
            }
            String type = status >= 500 ? "api_error" : "invalid_request_error";
            String message = status >= 500
                    ? "An unknown error occurred while processing your request."
                    : "Invalid request (HTTP " + status + "): the request could not be read.";
            errors.write(response, new StripeApiException(status, type, null, null, message));
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        response.getOutputStream()
                .write((status == 404 ? "Not found" : "The request failed (HTTP " + status + ")")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
