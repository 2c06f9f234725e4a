package dev.shopstack.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param secretKey the only API key the sandbox accepts ({@code STRIPE_SECRET_KEY}); a test-mode key by shape
 * @param webhookSecret the signing secret of the webhook endpoint ({@code STRIPE_WEBHOOK_SECRET})
 * @param webhookUrl the one webhook endpoint every event is sent to
 * @param publicUrl how browsers reach the sandbox (the hosted card page's links); empty means
 *     {@code http://localhost:<port>}
 * @param apiVersion the API version events are rendered in; stripe-java only deserializes an event's object when this
 *     equals its {@code Stripe.API_VERSION} (the contract test checks they agree)
 */
@Validated
@ConfigurationProperties("shop.sandbox")
public record SandboxProperties(
        @NotBlank
        @Pattern(
                regexp = "sk_test_[A-Za-z0-9_]{8,200}",
                message = "must be a test-mode secret key, sk_test_ and at least 8 letters, digits or _")
        String secretKey,

        @NotBlank
        @Pattern(
                regexp = "whsec_[A-Za-z0-9_+/=]{8,200}",
                message = "must look like whsec_ and at least 8 letters, digits or _+/=")
        String webhookSecret,

        @NotNull URI webhookUrl,
        String publicUrl,

        @DefaultValue("2026-07-29.dahlia") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?")
        String apiVersion,

        @DefaultValue @Valid Checkout checkout,
        @DefaultValue @Valid Webhooks webhooks,
        @DefaultValue @Valid Retention retention,
        @DefaultValue("20") @Min(1) @Max(1000) int attemptsPerIntent) {

    /** @param allowedReturnHosts hosts the card page may send a browser back to (no open redirect) */
    public record Checkout(
            @DefaultValue({"localhost", "127.0.0.1"}) @NotEmpty
            List<String> allowedReturnHosts) {}

    /**
     * @param enabled whether events are sent at all (they are recorded and listed either way)
     * @param enabledEvents the event types sent, {@code *} for all, as a Stripe endpoint's {@code enabled_events}
     * @param pollInterval how often pending deliveries are looked for
     * @param initialBackoff the wait after the first failed attempt; it doubles with every further failure
     * @param maxBackoff the longest wait between two attempts
     * @param giveUpAfter how long after the event an undelivered webhook is given up (Stripe: 3 days)
     * @param timeout how long one attempt may take, connection included
     * @param batch at most this many deliveries per poll
     */
    public record Webhooks(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("*") @NotEmpty List<String> enabledEvents,
            @DefaultValue("250ms") @NotNull Duration pollInterval,
            @DefaultValue("1s") @NotNull Duration initialBackoff,
            @DefaultValue("5m") @NotNull Duration maxBackoff,
            @DefaultValue("3d") @NotNull Duration giveUpAfter,
            @DefaultValue("10s") @NotNull Duration timeout,
            @DefaultValue("20") @Min(1) @Max(500) int batch) {}

    /**
     * @param idempotencyKeys how long an idempotent answer is kept (Stripe: at least 24 hours)
     * @param events how long events are listed (Stripe: 30 days)
     */
    public record Retention(
            @DefaultValue("24h") @NotNull Duration idempotencyKeys,
            @DefaultValue("30d") @NotNull Duration events) {}
}
