package dev.shopstack.gateway.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request URIs no service should have to interpret, with a problem+json answer from the edge:
 * <ul>
 * <li>longer than {@link #MAX_URI_LENGTH} (414);</li>
 * <li>dot segments, encoded dots, slashes, backslashes or percent signs, NUL, or a {@code ;} in the path (400):
 * routes match on path prefixes and services may resolve these differently from the gateway, so they could
 * reach something no route exposes, such as {@code /internal/**};</li>
 * <li>percent-encoding that is broken or does not decode to UTF-8, in the path or the query (400): the services'
 * servlet container would answer those with its own HTML error page or fail on them.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after the request id, so a refusal carries it
public class RequestUriGuard implements WebFilter {

    /** Bytes of raw path plus query; the HTTP server itself refuses request lines over 64 KB. */
    static final int MAX_URI_LENGTH = 8192;

    private static final Pattern SUSPICIOUS_PATH = Pattern.compile("(^|/)\\.\\.?(/|$)|%2e|%2f|%5c|%25|\\\\|%00|;");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if (rawPath.length() + rawQuery.length() > MAX_URI_LENGTH) {
            return Mono.error(new ResponseStatusException(
                    HttpStatus.URI_TOO_LONG, "The request URI is longer than " + MAX_URI_LENGTH + " characters."));
        }
        if (SUSPICIOUS_PATH.matcher(rawPath.toLowerCase(Locale.ROOT)).find()) {
            return Mono.error(new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The request path contains dot segments or encoded separators."));
        }
        if (!decodesToUtf8(rawPath) || !decodesToUtf8(rawQuery.replace('+', ' '))) {
            return Mono.error(new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The request URI is not valid percent-encoded UTF-8."));
        }
        return chain.filter(exchange);
    }

    static boolean decodesToUtf8(String raw) {
        if (raw.indexOf('%') < 0) {
            return true; // the HTTP server has already refused raw bytes outside ASCII
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= raw.length()
                    || !HexFormat.isHexDigit(raw.charAt(i + 1))
                    || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                return false;
            }
            bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
