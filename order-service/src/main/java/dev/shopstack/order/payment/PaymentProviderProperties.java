package dev.shopstack.order.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The card payment provider. Only the {@code local} and {@code test} profiles default the secrets (to
 * payment-sandbox's own); anywhere else they must be set, and prod also refuses known placeholders
 * ({@code shop.secrets.required}).
 *
 * @param provider the adapter: {@code stripe} (Stripe's API, or the sandbox when the API base points at it)
 * @param retryInterval how often intents the provider could not create at placement are tried again
 * @param allowSandboxInProd let the {@code prod} profile talk to another API than api.stripe.com (a staging
 *     stack on the sandbox); off, prod refuses to start with any other API base
 */
@Validated
@ConfigurationProperties("shop.payments")
public record PaymentProviderProperties(
        @DefaultValue("stripe") String provider,
        @Valid @DefaultValue Stripe stripe,
        @DefaultValue("15s") Duration retryInterval,
        @DefaultValue("false") boolean allowSandboxInProd) {

    /**
     * @param secretKey {@code STRIPE_SECRET_KEY}
     * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}: the endpoint's signing secret ({@code whsec_…})
     * @param apiBase {@code STRIPE_API_BASE}: the sandbox's URL; blank for Stripe itself (api.stripe.com). The
     *     {@code local} profile defaults it to the sandbox's {@code http://localhost:8085}
     * @param connectTimeout bounds placing an order while the provider is unreachable
     * @param readTimeout bounds placing an order while the provider is slow
     * @param webhookTolerance how old a webhook's signed timestamp may be (Stripe's default: 5 minutes)
     */
    public record Stripe(
            @NotBlank String secretKey,
            @NotBlank String webhookSecret,
            @DefaultValue("") String apiBase,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout,
            @DefaultValue("5m") Duration webhookTolerance) {}
}
