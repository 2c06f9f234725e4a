package dev.shopstack.sandbox.checkout;

import dev.shopstack.sandbox.SandboxProperties;
import dev.shopstack.sandbox.intents.PaymentIntent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The hosted card page's address for a PaymentIntent: {@code <public-url>/checkout/<id>?client_secret=<secret>}. */
@Component
public class CheckoutLinks {

    private final SandboxProperties properties;
    private final Environment environment;

    public CheckoutLinks(SandboxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public String url(PaymentIntent intent) {
        return base() + "/checkout/" + intent.id() + "?client_secret="
                + URLEncoder.encode(intent.clientSecret(), StandardCharsets.UTF_8);
    }

    private String base() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        // the port actually bound (a test's random port), known once the server runs
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8085"));
        return "http://localhost:" + port;
    }
}
