package dev.shopstack.order.payment.stripe;

import com.stripe.StripeClient;
import dev.shopstack.order.payment.PaymentProvider;
import dev.shopstack.order.payment.PaymentProviderProperties;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "shop.payments.provider", havingValue = "stripe", matchIfMissing = true)
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);
    private static final String STRIPE_HOST = "api.stripe.com";

    /**
     * No retries inside a call: placing an order must stay bounded by one connect and one read timeout; an intent
     * that could not be created is created later by the retry job, with the same idempotency key.
     */
    @Bean
    PaymentProvider stripePaymentProvider(PaymentProviderProperties properties, Clock clock, Environment environment) {
        refuseSandboxInProd(properties, environment);
        var settings = properties.stripe();
        var builder = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .setMaxNetworkRetries(0);
        if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
            builder.setApiBase(settings.apiBase().strip());
            log.info("Card payments: Stripe API at {}", settings.apiBase().strip());
        }
        return new StripePaymentProvider(builder.build(), settings, clock);
    }

    /** A prod stack on the sandbox takes any test card and moves no money: only when explicitly allowed. */
    static void refuseSandboxInProd(PaymentProviderProperties properties, Environment environment) {
        String apiBase = properties.stripe().apiBase();
        if (apiBase == null
                || apiBase.isBlank()
                || properties.allowSandboxInProd()
                || !environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(apiBase.strip());
        } catch (IllegalArgumentException notAUrl) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || !STRIPE_HOST.equals(uri.getHost())) {
            throw new IllegalStateException("The prod profile only pays through https://" + STRIPE_HOST
                    + ", not " + apiBase.strip() + ": unset STRIPE_API_BASE, or set "
                    + "SHOP_PAYMENTS_ALLOW_SANDBOX_IN_PROD=true for a stack that must not take real payments.");
        }
    }
}
