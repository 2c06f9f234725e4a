package dev.shopstack.web.api;

import dev.shopstack.web.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The gateway's public API, called for the browser whose request is being served: its address goes along in
 * {@code X-Forwarded-For} (the gateway's per-client limits see each browser, not this module), and when the person
 * is signed in, the session's access token goes along too, refreshed first when it is about to expire and once
 * more when the API answers 401. A refused refresh signs the person out ({@link SignedOutException}).
 */
@Component
public class GatewayClient {

    /** Larger answers are not read: every page needs far less. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    public enum As {
        ANONYMOUS,
        USER,
        USER_IF_SIGNED_IN
    }

    private final RestClient rest;
    private final String base;
    private final JsonMapper json;
    private final ClientAddresses addresses;
    private final TokenRefresher refresher;
    private final WebProperties properties;
    private final Clock clock;

    public GatewayClient(
            WebProperties properties,
            JsonMapper json,
            ClientAddresses addresses,
            TokenRefresher refresher,
            Clock clock) {
        var http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.base = properties.gatewayUrl().toString().replaceAll("/+$", "");
        this.json = json;
        this.addresses = addresses;
        this.refresher = refresher;
        this.properties = properties;
        this.clock = clock;
    }

    public JsonNode get(String pathAndQuery, As as) {
        return call(HttpMethod.GET, pathAndQuery, null, as, Map.of()).body();
    }

    public JsonNode post(String path, Object body, As as) {
        return call(HttpMethod.POST, path, body, as, Map.of()).body();
    }

    /** A call with extra headers ({@code If-Match}, {@code Idempotency-Key}...). */
    public ApiResponse call(HttpMethod method, String pathAndQuery, Object body, As as, Map<String, String> headers) {
        HttpServletRequest request = currentRequest();
        HttpSession session = request.getSession(false);
        Tokens tokens = session == null ? null : (Tokens) session.getAttribute(Tokens.SESSION_ATTRIBUTE);
        if (as == As.ANONYMOUS || (as == As.USER_IF_SIGNED_IN && tokens == null)) {
            return send(method, pathAndQuery, body, headers, null, request);
        }
        if (tokens == null) {
            throw new SignedOutException("Please sign in.");
        }
        if (tokens.expiresWithin(properties.refreshBefore(), clock.instant())) {
            tokens = refresh(session, tokens, request);
        }
        try {
            return send(method, pathAndQuery, body, headers, tokens.accessToken(), request);
        } catch (ApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            // revoked or expired early (clock skew): one refresh, one retry
            tokens = refresh(session, tokens, request);
            try {
                return send(method, pathAndQuery, body, headers, tokens.accessToken(), request);
            } catch (ApiException again) {
                if (again.status() == 401) {
                    throw new SignedOutException("Your session has ended. Please sign in again.");
                }
                throw again;
            }
        }
    }

    /** An image or other bytes (the avatar), at most {@code maxBytes}; null when the API has none. */
    public Binary getBinary(String path, String ifNoneMatch, int maxBytes) {
        HttpServletRequest request = currentRequest();
        return rest.get()
                .uri(URI.create(base + path))
                .headers(h -> {
                    h.set("X-Forwarded-For", addresses.of(request));
                    if (ifNoneMatch != null) {
                        h.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
                    }
                })
                .exchange((req, res) -> {
                    int status = res.getStatusCode().value();
                    if (status == 304) {
                        return new Binary(304, null, res.getHeaders().getETag(), new byte[0]);
                    }
                    if (status != 200) {
                        return null;
                    }
                    byte[] bytes = readBounded(res.getBody(), maxBytes);
                    if (bytes == null) {
                        return null;
                    }
                    MediaType type = res.getHeaders().getContentType();
                    return new Binary(
                            200,
                            type == null ? null : type.toString(),
                            res.getHeaders().getETag(),
                            bytes);
                });
    }

    public record Binary(int status, String contentType, String etag, byte[] bytes) {}

    private Tokens refresh(HttpSession session, Tokens stale, HttpServletRequest request) {
        Tokens fresh = refresher.refresh(
                stale,
                refreshToken -> send(
                                HttpMethod.POST,
                                "/api/auth/refresh",
                                Map.of("refreshToken", refreshToken),
                                Map.of(),
                                null,
                                request)
                        .body());
        session.setAttribute(Tokens.SESSION_ATTRIBUTE, fresh);
        return fresh;
    }

    private ApiResponse send(
            HttpMethod method,
            String pathAndQuery,
            Object body,
            Map<String, String> headers,
            String accessToken,
            HttpServletRequest request) {
        var spec = rest.method(method).uri(URI.create(base + pathAndQuery)).headers(h -> {
            h.set("X-Forwarded-For", addresses.of(request));
            h.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
            headers.forEach(h::set);
            if (accessToken != null) {
                h.setBearerAuth(accessToken);
            }
        });
        if (body instanceof org.springframework.util.MultiValueMap<?, ?> multipart) {
            spec = spec.contentType(MediaType.MULTIPART_FORM_DATA).body(multipart);
        } else if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
        }
        return spec.exchange((req, res) -> {
            int status = res.getStatusCode().value();
            byte[] bytes = readBounded(res.getBody(), MAX_BODY_BYTES);
            JsonNode node = parse(bytes, res.getHeaders().getContentType());
            if (status >= 400) {
                throw new ApiException(
                        ApiProblem.of(status, node, res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
            }
            return new ApiResponse(status, res.getHeaders(), node);
        });
    }

    private JsonNode parse(byte[] bytes, MediaType type) {
        if (bytes == null
                || bytes.length == 0
                || type == null
                || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json"))) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    /** Null when the body is larger than {@code max}. */
    private static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new IllegalStateException("The gateway is called for a browser's request only");
    }
}
