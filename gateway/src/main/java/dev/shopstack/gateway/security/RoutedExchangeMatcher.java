package dev.shopstack.gateway.security;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Matches exactly the requests some gateway route would take, by asking the routes' own predicates. The security
 * chain applies only to those: a path no route serves is answered 404 by the gateway, not 401 (which would tell a
 * scanner nothing useful either way, but breaks the "unknown path = 404" contract). One source of truth: a new route
 * is protected the moment it exists, without a second list of paths to keep in step.
 */
class RoutedExchangeMatcher implements ServerWebExchangeMatcher {

    private final RouteLocator routes;

    RoutedExchangeMatcher(RouteLocator routes) {
        this.routes = routes;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return routes.getRoutes()
                .concatMap(route -> Mono.from(route.getPredicate().apply(exchange)))
                .any(Boolean::booleanValue)
                .flatMap(routed -> routed ? MatchResult.match() : MatchResult.notMatch());
    }
}
