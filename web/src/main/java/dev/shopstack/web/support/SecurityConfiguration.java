package dev.shopstack.web.support;

import dev.shopstack.web.WebProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may open what, CSRF on every unsafe request (forms carry the token as a field, htmx sends it as the
 * {@code X-CSRF-TOKEN} header from the page's meta tag), and the security headers with a strict CSP: no inline
 * script or style anywhere, forms post only here or to the payment page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The page that asked for sign-in, to go back to afterwards (SignInController); no "?continue" marker. */
    public static HttpSessionRequestCache savedPages() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /** Nobody signs in to this module with a password of its own: the API decides (see SignInController). */
    @Bean
    UserDetailsService noLocalUsers() {
        return username -> {
            throw new UsernameNotFoundException("no local users");
        };
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, WebProperties properties) throws Exception {
        String formTargets = String.join(" ", properties.paymentOrigins());
        String csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: https:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self' " + formTargets + "; frame-ancestors 'none'";
        http.authorizeHttpRequests(
                        auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .denyAll()
                                .requestMatchers("/admin/**")
                                .hasRole("ADMIN")
                                .requestMatchers("/account/**", "/orders/**", "/checkout/**")
                                .authenticated()
                                .requestMatchers(HttpMethod.POST, "/sign-out", "/sign-out-everywhere")
                                .permitAll()
                                .anyRequest()
                                .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .requestCache(cache -> cache.requestCache(savedPages()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }
}
