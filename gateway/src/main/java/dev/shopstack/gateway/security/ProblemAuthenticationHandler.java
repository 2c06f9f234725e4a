package dev.shopstack.gateway.security;

import dev.shopstack.gateway.error.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem+json with a bare RFC 6750 {@code WWW-Authenticate}. Spring Security's default bearer entry
 * point would add a {@code resource_metadata} URL built from the request's host, which must not leak through the
 * gateway; and a plain empty 401 would be the only non-problem error clients see.
 */
@Component
class ProblemAuthenticationHandler implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAuthenticationHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        boolean invalidToken = exception instanceof InvalidBearerTokenException;
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                invalidToken ? "The access token is invalid or has expired." : "A valid bearer token is required.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, "You are not allowed to do this.");
    }
}
