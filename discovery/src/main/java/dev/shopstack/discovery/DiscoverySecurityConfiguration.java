package dev.shopstack.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Registration, the registry and the dashboard need the discovery credential (HTTP Basic): otherwise anyone on the
 * network could register a fake user-service and serve it their own keys (F4). Health and metrics stay open for
 * probes and Prometheus. Eureka's REST clients send no CSRF token, and Basic needs none.
 */
@Configuration(proxyBeanMethods = false)
class DiscoverySecurityConfiguration {

    @Bean
    SecurityFilterChain discoverySecurity(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .hasRole("DISCOVERY"))
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** One fixed credential, compared in constant time (no password hashing: it is a random service secret). */
    @Bean
    AuthenticationProvider discoveryCredential(DiscoveryProperties properties) {
        byte[] expected = digest(properties.username() + '\n' + properties.password());
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication presented) {
                String given = presented.getName() + '\n' + presented.getCredentials();
                if (!MessageDigest.isEqual(expected, digest(given))) {
                    throw new BadCredentialsException("Wrong discovery credential");
                }
                return UsernamePasswordAuthenticationToken.authenticated(
                        presented.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_DISCOVERY")));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
