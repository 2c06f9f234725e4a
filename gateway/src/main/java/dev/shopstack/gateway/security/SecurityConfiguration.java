package dev.shopstack.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import dev.shopstack.gateway.web.AccessLogFilter;
import dev.shopstack.gateway.web.EdgeProperties;
import dev.shopstack.platform.tokens.AccessTokenValidators;
import dev.shopstack.platform.tokens.CoolingReactiveJwkSource;
import dev.shopstack.platform.tokens.RevocationList;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway is an OAuth2 resource server in front of the services (which check every token again). It rejects
 * anonymous and forged requests before they cost a service anything, and repeats the coarse admin-only rules as
 * defence in depth. The token itself is forwarded unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            RouteLocator routes,
            ReactiveJwtDecoder jwtDecoder,
            ProblemAuthenticationHandler problems,
            EdgeProperties edge) {
        return http.securityMatcher(new RoutedExchangeMatcher(routes))
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies for CSRF to ride on
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable) // SecurityHeadersFilter covers every response
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(corsSource(edge.cors())))
                .authorizeExchange(this::rules)
                .oauth2ResourceServer(oauth -> oauth.jwt(
                                jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(recordUser(), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /**
     * No observation (span, long-task timer and timer) around each security filter, the authentication and the
     * authorization of every request: under load, JFR found that wrapping near the top of 6% of the gateway's CPU
     * samples (docs/performance.md). The HTTP server observation and the route timer still time every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Public endpoints first, then the admin-only ones (more specific before more general), then: a token. */
    private void rules(ServerHttpSecurity.AuthorizeExchangeSpec auth) {
        auth.pathMatchers(
                        HttpMethod.POST,
                        "/api/auth/register",
                        "/api/auth/verify-email",
                        "/api/auth/verify-email/resend",
                        "/api/auth/login",
                        "/api/auth/refresh",
                        "/api/auth/logout",
                        "/api/auth/password-reset",
                        "/api/auth/password-reset/confirm")
                .permitAll()
                // the payment provider has no token: order-service verifies each webhook's signature
                .pathMatchers(HttpMethod.POST, "/api/payments/webhook")
                .permitAll()
                .pathMatchers(
                        HttpMethod.GET,
                        "/.well-known/**",
                        "/api/products/**",
                        "/api/categories/**",
                        "/api/users/*/avatar",
                        "/v3/api-docs/*")
                .permitAll()
                .pathMatchers("/api/users/me", "/api/users/me/**")
                .authenticated()
                .pathMatchers("/api/users", "/api/users/**")
                .hasRole("ADMIN")
                .pathMatchers("/api/notifications/**")
                .hasRole("ADMIN")
                .pathMatchers("/api/products/**", "/api/categories/**")
                .hasRole("ADMIN") // writes: reads were let through
                .pathMatchers(HttpMethod.PATCH, "/api/orders/*/status")
                .hasRole("ADMIN")
                .pathMatchers(HttpMethod.DELETE, "/api/orders/*")
                .hasRole("ADMIN")
                .anyExchange()
                .authenticated();
    }

    /** The JWT subject for the access log, recorded once the token has been verified. */
    private static WebFilter recordUser() {
        return (exchange, chain) -> exchange.getPrincipal()
                .doOnNext(
                        principal -> exchange.getAttributes().put(AccessLogFilter.USER_ATTRIBUTE, principal.getName()))
                .then(chain.filter(exchange));
    }

    private static UrlBasedCorsConfigurationSource corsSource(EdgeProperties.Cors cors) {
        var config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(cors.exposedHeaders());
        config.setAllowCredentials(cors.allowCredentials());
        config.setMaxAge(cors.maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    static ReactiveJwtAuthenticationConverterAdapter rolesClaimConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * Keys come from the issuer's JWKS, cached for {@code jwks-ttl} and fetched again for an unknown {@code kid} at
     * most once per {@code jwks-refetch-cooldown}, concurrent misses sharing one fetch (ADR 0008): user-service can
     * rotate keys without restarting the gateway, and made-up key ids cost it nothing. Only RS256 and ES256 are
     * accepted, so {@code alg: none} and HMAC-with-the-public-key tricks fail before any signature check. Verified
     * tokens are remembered ({@link VerifiedTokenCache}); the session check runs after that memory too, so a
     * remembered token stops working as soon as its session is revoked.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(
            GatewaySecurityProperties properties,
            RevocationList revocations,
            ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer,
            Clock clock) {
        var jwt = properties.jwt();
        var http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(Duration.ofSeconds(3));
        var web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024));
        if (jwt.resolvedThroughDiscovery()) {
            web.filter(loadBalancer.getObject());
        }
        WebClient client = web.build();
        Mono<JWKSet> fetch = Mono.defer(() -> client.get()
                .uri(jwt.httpJwkSetUri())
                .retrieve()
                .bodyToMono(String.class)
                .map(SecurityConfiguration::parseKeys));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                        new CoolingReactiveJwkSource(fetch, jwt.jwksTtl(), jwt.jwksRefetchCooldown(), clock))
                // this builder takes one algorithm; the platform signs with RS256 or ES256
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(jwt.issuer(), revocations));
        var cache = jwt.verifiedCache();
        ReactiveJwtDecoder verified = cache.maxEntries() == 0
                ? decoder
                : new VerifiedTokenCache(decoder, cache.maxEntries(), cache.maxAge(), clock);
        return new SessionCheck(verified, revocations);
    }

    private static JWKSet parseKeys(String body) {
        try {
            return JWKSet.parse(body);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("The issuer's JWKS is not a JWK set", e);
        }
    }
}
