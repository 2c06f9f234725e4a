package dev.shopstack.gateway.error;

import dev.shopstack.gateway.web.RequestIdFilter;
import dev.shopstack.platform.problems.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the one RFC 9457 body shape the gateway answers with, whether the error comes from routing, security, the
 * rate limiter or a circuit breaker, so clients parse every gateway error the same way.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        var response = exchange.getResponse();
        Map<String, Object> problem = new LinkedHashMap<>();
        // the generic type of the status from the services' catalogue (docs/errors.md)
        ProblemType type = ProblemType.forStatus(status.value());
        problem.put("type", type.uri().toString());
        problem.put("title", type.status() == status.value() ? type.title() : reasonPhrase(status));
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
