package dev.shopstack.user.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lockout settings are in {@link dev.shopstack.user.lockout.LockoutProperties} ({@code shop.auth.lockout}).
 *
 * @param accessTokenLifetime lifetime of a JWT access token
 * @param refreshTokenLifetime lifetime of a refresh token (each rotation starts a new one)
 * @param sessionMaxLifetime a session's absolute limit, counted from its first login: no refresh goes past it
 */
@ConfigurationProperties("shop.auth")
public record AuthProperties(
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("14d") Duration refreshTokenLifetime,
        @DefaultValue("30d") Duration sessionMaxLifetime) {}
