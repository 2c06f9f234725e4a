package dev.shopstack.web.orders;

import dev.shopstack.web.WebProperties;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Where the browser may be sent to pay: only the hosted payment page of a configured origin (the same origins the
 * CSP's {@code form-action} allows), so an order answer can never turn this site into an open redirect.
 */
@Component
public class PaymentRedirects {

    private final List<String> origins;

    public PaymentRedirects(WebProperties properties) {
        this.origins = properties.paymentOrigins().stream()
                .map(PaymentRedirects::origin)
                .toList();
    }

    /** The order's checkout URL when it may be followed, else null ("awaiting payment"). */
    public String checkoutUrl(JsonNode order) {
        JsonNode payment = order.path("payment");
        String url = payment.path("checkoutUrl").asString("");
        if (url.isEmpty() || !"PENDING_PAYMENT".equals(order.path("status").asString(""))) {
            return null;
        }
        return allowed(url) ? url : null;
    }

    boolean allowed(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getRawUserInfo() == null
                    && origins.contains(origin(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String origin(String url) {
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }
}
