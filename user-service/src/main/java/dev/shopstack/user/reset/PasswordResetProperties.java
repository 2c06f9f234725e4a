package dev.shopstack.user.reset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notification-service builds the link from its own front-end URL; user-service only issues the token.
 *
 * @param tokenLifetime how long a reset link works
 * @param cooldown minimum time between two reset mails, per address and per account
 * @param maxPerDay reset mails per address and per account and UTC day
 */
@ConfigurationProperties("shop.password-reset")
public record PasswordResetProperties(
        @DefaultValue("30m") Duration tokenLifetime,
        @DefaultValue("60s") Duration cooldown,
        @DefaultValue("5") int maxPerDay) {}
