package dev.shopstack.sandbox.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stripe's idempotent requests: the first answer to a POST with an {@code Idempotency-Key} is kept and answered
 * again, byte for byte, to the same request ({@code Idempotent-Replayed: true}); the same key on another endpoint or
 * with other parameters is a 400 {@code idempotency_error}, and while the first request still runs a second one is a
 * 409. As at Stripe, only answers of requests that ran are kept (2xx, and 402 for a declined card): a refused
 * request (400, 401, 404, 409, 429, 5xx) releases its key so a corrected retry can use it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ErrorWriter errors;

    public IdempotencyFilter(IdempotencyStore store, ErrorWriter errors) {
        this.store = store;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/v1/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            errors.write(
                    response,
                    StripeApiException.invalid(
                            null,
                            null,
                            "Idempotency-Key must be between 1 and " + MAX_KEY_LENGTH + " characters long."));
            return;
        }
        response.setHeader(HEADER, key);
        String path = request.getRequestURI();
        String hash = hash(request.getParameterMap());
        Optional<IdempotencyStore.Kept> kept = store.claim(key, path, hash);
        if (kept.isPresent()) {
            answerKept(key, path, hash, kept.get(), response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean keep = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            keep = status / 100 == 2 || status == 402;
            if (keep) {
                store.complete(key, status, new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
            }
        } finally {
            if (!keep) {
                store.release(key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerKept(
            String key, String path, String hash, IdempotencyStore.Kept kept, HttpServletResponse response)
            throws IOException {
        String quoted = "'" + Ids.printable(key) + "'";
        if (!kept.path().equals(path)) {
            errors.write(
                    response,
                    new StripeApiException(
                            400,
                            "idempotency_error",
                            null,
                            null,
                            "Keys for idempotent requests can only be used for the same endpoint they were first used for ('"
                                    + kept.path() + "' vs '" + Ids.printable(path) + "'). Try using a key other than "
                                    + quoted + " if you meant to execute a different request."));
        } else if (!kept.hash().equals(hash)) {
            errors.write(
                    response,
                    new StripeApiException(
                            400,
                            "idempotency_error",
                            null,
                            null,
                            "Keys for idempotent requests can only be used with the same parameters they were first used "
                                    + "with. Try using a key other than " + quoted
                                    + " if you meant to execute a different request."));
        } else if (kept.status() == null) {
            errors.write(
                    response,
                    new StripeApiException(
                            409,
                            "invalid_request_error",
                            "idempotency_key_in_use",
                            null,
                            "There is currently another in-progress request using this Stripe API Key and "
                                    + "Idempotency-Key. Please try again later."));
        } else {
            response.setStatus(kept.status());
            response.setHeader("Idempotent-Replayed", "true");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(kept.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request's parameters, order-independent: the same form sent twice hashes the same. */
    static String hash(Map<String, String[]> parameters) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(parameters).forEach((name, values) -> {
                sha256.update(name.getBytes(StandardCharsets.UTF_8));
                for (String value : values) {
                    sha256.update((byte) 0);
                    sha256.update(value.getBytes(StandardCharsets.UTF_8));
                }
                sha256.update((byte) 1);
            });
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
