package dev.shopstack.user.reset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenLifetime how long a reset link works
 * @param linkBase the front-end page that takes the token, e.g. {@code https://shop.example/reset-password};
 *     the link is {@code <linkBase>?token=<token>}
 */
@ConfigurationProperties("shop.password-reset")
public record PasswordResetProperties(
        @DefaultValue("30m") Duration tokenLifetime,
        @DefaultValue("http://localhost:3000/reset-password") String linkBase) {
}
