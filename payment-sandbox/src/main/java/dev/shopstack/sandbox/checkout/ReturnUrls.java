package dev.shopstack.sandbox.checkout;

import dev.shopstack.sandbox.SandboxProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the card page may send a browser back to: an absolute http(s) URL on one of the configured hosts, without
 * user info or fragment, at most 2,000 characters. Anything else is refused, so the page is no open redirect.
 */
@Component
public class ReturnUrls {

    static final int MAX_LENGTH = 2000;

    private final List<String> allowedHosts;

    public ReturnUrls(SandboxProperties properties) {
        this.allowedHosts = properties.checkout().allowedReturnHosts().stream()
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The URL if it is allowed; empty when it is not (null and blank are "no return URL", which is allowed). */
    public Optional<URI> check(String returnUrl) {
        if (returnUrl == null || returnUrl.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(returnUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean allowed = (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null
                    && allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
            if (allowed) {
                withResult(uri, "pi_check", "pi_check_secret_check", true); // the redirect can be built
            }
            return allowed ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The return URL with Stripe's redirect parameters added to its query. */
    public String withResult(URI returnUrl, String intentId, String clientSecret, boolean succeeded) {
        return UriComponentsBuilder.fromUri(returnUrl)
                .queryParam("payment_intent", intentId)
                .queryParam("payment_intent_client_secret", clientSecret)
                .queryParam("redirect_status", succeeded ? "succeeded" : "failed")
                .build(true)
                .toUriString();
    }

    /** The CSP {@code form-action} sources: the page itself, and the return hosts its redirect may lead to. */
    String formActionSources() {
        StringBuilder sources = new StringBuilder("'self'");
        for (String host : allowedHosts) {
            String bracketed = host.contains(":") ? "[" + host + "]" : host;
            sources.append(" http://")
                    .append(bracketed)
                    .append(":* https://")
                    .append(bracketed)
                    .append(":*");
        }
        return sources.toString();
    }
}
