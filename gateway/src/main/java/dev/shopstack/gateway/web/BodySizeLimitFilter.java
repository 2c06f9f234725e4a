package dev.shopstack.gateway.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps request bodies so one client cannot tie up the gateway or a service with a huge upload: a declared
 * {@code Content-Length} over the limit is refused with 413 before anything is read or forwarded; a chunked body is
 * counted as it streams and cut off at the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class BodySizeLimitFilter implements WebFilter {

    private final long maxBody;
    private final long maxUpload;
    private final List<PathPattern> uploadPaths;

    public BodySizeLimitFilter(EdgeProperties properties) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxUpload = properties.maxUploadSize().toBytes();
        this.uploadPaths = properties.uploadPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        long limit =
                uploadPaths.stream().anyMatch(p -> p.matches(request.getPath().pathWithinApplication()))
                        ? maxUpload
                        : maxBody;
        if (request.getHeaders().getContentLength() > limit) {
            return Mono.error(tooLarge(limit));
        }
        var counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static ResponseStatusException tooLarge(long limit) {
        return new ResponseStatusException(
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit / 1024 + " KB this endpoint accepts.");
    }
}
