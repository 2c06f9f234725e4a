package dev.shopstack.sandbox.checkout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The card page's headers: a strict CSP (nothing but its own hashed style sheet; forms only to itself and the
 * allowed return hosts, which its redirect leads to), no framing, no referrer (the URL holds the client secret), no
 * caching (the page shows a payment).
 */
@Component
public class CheckoutHeadersFilter extends OncePerRequestFilter {

    private final String policy;

    public CheckoutHeadersFilter(CheckoutStyle style, ReturnUrls returnUrls) {
        this.policy = "default-src 'none'; style-src " + style.cspSource() + "; form-action "
                + returnUrls.formActionSources() + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/checkout/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
