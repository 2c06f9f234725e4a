package dev.shopstack.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import dev.shopstack.platform.tokens.AccessTokenValidators;
import dev.shopstack.platform.tokens.CoolingJwkSource;
import dev.shopstack.platform.tokens.RevocationList;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Every servlet service is its own OAuth2 resource server (defence in depth: the gateway checks tokens too).
 * Tokens are RS256/ES256 JWTs from user-service; their {@code roles} claim becomes {@code ROLE_*} authorities.
 */
@AutoConfiguration(
        afterName = "dev.shopstack.platform.tokens.RevocationsAutoConfiguration",
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ShopSecurityProperties.class)
@EnableMethodSecurity
public class ResourceServerSecurityAutoConfiguration {

    /**
     * {@code /internal/**} is for other services only: it needs the shared service credential
     * ({@code shop.security.internal-token}); without one configured, every internal call is refused.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    @ConditionalOnMissingBean(name = "internalSecurityFilterChain")
    SecurityFilterChain internalSecurityFilterChain(
            HttpSecurity http, ShopSecurityProperties properties, ProblemSecurityHandler problemHandler)
            throws Exception {
        http.securityMatcher("/internal/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("SERVICE"))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(problemHandler).accessDeniedHandler(problemHandler));
        String token = properties.internalToken();
        if (token != null && !token.isBlank()) {
            http.addFilterBefore(new InternalTokenFilter(token), AuthorizationFilter.class);
        }
        return http.build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    @ConditionalOnMissingBean(name = "shopSecurityFilterChain")
    SecurityFilterChain shopSecurityFilterChain(
            HttpSecurity http, ShopSecurityProperties properties, ProblemSecurityHandler problemHandler)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
                            .permitAll();
                    auth.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                            .permitAll();
                    properties.publicPaths().forEach(rule -> permit(auth, rule));
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint(problemHandler)
                        .accessDeniedHandler(problemHandler))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(problemHandler).accessDeniedHandler(problemHandler));
        return http.build();
    }

    private static void permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            String rule) {
        String[] parts = rule.trim().split("\\s+", 2);
        if (parts.length == 2) {
            auth.requestMatchers(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1])
                    .permitAll();
        } else {
            auth.requestMatchers(parts[0]).permitAll();
        }
    }

    static JwtAuthenticationConverter rolesClaimConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    ProblemSecurityHandler problemSecurityHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
        return new ProblemSecurityHandler(handlerExceptionResolver);
    }

    /**
     * No observation (span, long-task timer and timer) around every security filter, authentication and
     * authorization of every request: the HTTP server observation already times the request and carries the trace.
     * Profiling the gateway found the reactive equivalent near the top of 6% of its CPU samples (docs/performance.md).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Keys come from the issuer's JWKS, cached for {@code jwks-ttl} and fetched again on an unknown {@code kid} at
     * most once per {@code jwks-refetch-cooldown} (ADR 0008), so the issuer can rotate keys without restarting
     * anyone and made-up key ids cost it nothing. Every token must pass {@link AccessTokenValidators}.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(
            ShopSecurityProperties properties,
            RevocationList revocations,
            ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer,
            Clock clock) {
        var jwt = properties.jwt();
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(Duration.ofSeconds(2));
        requestFactory.setReadTimeout(Duration.ofSeconds(3));
        var rest = new RestTemplate(requestFactory);
        if (jwt.resolvedThroughDiscovery()) {
            rest.getInterceptors().add(loadBalancer.getObject());
        }
        String uri = jwt.httpJwkSetUri();
        var keys = new CoolingJwkSource(
                () -> JWKSet.parse(rest.getForObject(uri, String.class)),
                jwt.jwksTtl(),
                jwt.jwksRefetchCooldown(),
                clock);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(jwt.issuer(), revocations));
        return decoder;
    }
}
