package dev.shopstack.sandbox.api;

import dev.shopstack.sandbox.SandboxProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Stripe does before any endpoint: a {@code Request-Id} on every answer, the secret key checked (as a bearer
 * token, or as Basic's user name like {@code curl -u sk_test_...:}), and a {@code Stripe-Version} header accepted
 * when it is well formed. Applies to the API ({@code /v1/**}) and the sandbox's test hooks ({@code /sandbox/**}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiRequestFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "Request-Id";
    /** The request's own method, for the error page (whose dispatch does not keep it). */
    static final String METHOD = ApiRequestFilter.class.getName() + ".method";

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]{1,20})?");

    private final byte[] secretKey;
    private final String apiVersion;
    private final ErrorWriter errors;

    public ApiRequestFilter(SandboxProperties properties, ErrorWriter errors) {
        this.secretKey = properties.secretKey().getBytes(StandardCharsets.UTF_8);
        this.apiVersion = properties.apiVersion();
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/sandbox/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = Ids.newId("req");
        request.setAttribute(REQUEST_ID, requestId);
        request.setAttribute(METHOD, request.getMethod());
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader("Stripe-Version", apiVersion);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store");

        String presented = presentedKey(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (presented == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Stripe\"");
            errors.write(
                    response,
                    new StripeApiException(
                            401,
                            "invalid_request_error",
                            null,
                            null,
                            "You did not provide an API key. You need to provide your API key in the Authorization header, "
                                    + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
            return;
        }
        if (!MessageDigest.isEqual(secretKey, presented.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Stripe\"");
            errors.write(
                    response,
                    new StripeApiException(
                            401,
                            "invalid_request_error",
                            null,
                            null,
                            "Invalid API Key provided: " + redacted(presented)));
            return;
        }
        String version = request.getHeader("Stripe-Version");
        if (version != null && !VERSION.matcher(version).matches()) {
            errors.write(
                    response,
                    StripeApiException.invalid(null, null, "Invalid Stripe API version: " + Ids.printable(version)));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String presentedKey(String authorization) {
        if (authorization == null || authorization.length() > 512) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            return key.isEmpty() ? null : key;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String key = colon < 0 ? decoded : decoded.substring(0, colon);
                return key.isEmpty() ? null : key;
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    /** Stripe's way of quoting a wrong key: only its last four characters. */
    private static String redacted(String key) {
        return key.length() <= 4
                ? "****"
                : "sk_****" + key.substring(key.length() - 4).replaceAll("[^A-Za-z0-9_]", "?");
    }
}
