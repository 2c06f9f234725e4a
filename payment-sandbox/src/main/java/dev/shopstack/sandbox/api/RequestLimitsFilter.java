package dev.shopstack.sandbox.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the parameters once, first, so a request over Tomcat's limits (more than {@code max-parameter-count}
 * parameters, a form over {@code max-http-form-post-size}, undecodable bytes) is a 400 for everyone: Stripe's
 * envelope on the API, plain text on the card page, never a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitsFilter extends OncePerRequestFilter {

    private final ErrorWriter errors;

    public RequestLimitsFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException refused) { // InvalidParameterException among them
            String path = request.getRequestURI();
            if (path.startsWith("/v1/") || path.startsWith("/sandbox/")) {
                errors.write(
                        response,
                        StripeApiException.invalid(
                                null,
                                null,
                                "The request has too many parameters or is too large, or its parameters cannot be read."));
            } else {
                response.setStatus(400);
                response.setContentType(MediaType.TEXT_PLAIN_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getOutputStream()
                        .write("The form is too large or cannot be read.".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
