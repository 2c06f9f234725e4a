package dev.shopstack.user.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeLifetime how long a code is valid
 * @param maxGuesses wrong guesses before the code is dead and a new one is needed
 * @param resendCooldown minimum time between two codes for one user
 * @param maxSendsPerDay codes one user can get per UTC day
 * @param requiredForLogin whether an unverified account may log in
 */
@ConfigurationProperties("shop.verification")
public record VerificationProperties(
        @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("5") int maxGuesses,
        @DefaultValue("60s") Duration resendCooldown,
        @DefaultValue("5") int maxSendsPerDay,
        @DefaultValue("true") boolean requiredForLogin) {}
