package dev.shopstack.user.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenLifetime lifetime of a JWT access token
 * @param refreshTokenLifetime lifetime of a refresh token (each rotation starts a new one)
 * @param maxFailedLogins consecutive failures before the account is locked for a while
 * @param lockoutDuration how long that lock lasts
 */
@ConfigurationProperties("shop.auth")
public record AuthProperties(
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("14d") Duration refreshTokenLifetime,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockoutDuration) {
}
