package dev.shopstack.platform.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where access-token revocations come from. The broker and its security settings are the app's own
 * {@code spring.kafka.*} ({@code bootstrap-servers}, {@code security.protocol}, {@code properties.*}).
 *
 * @param enabled read {@code session-revocations}; off only for tests that run without a broker
 * @param horizon how far back a starting instance reads: the access-token lifetime plus the clock skew (no revoked
 *     session can have a live token older than that); also the longest an entry is kept
 */
@ConfigurationProperties("shop.security.revocations")
public record RevocationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("16m") Duration horizon) {}
