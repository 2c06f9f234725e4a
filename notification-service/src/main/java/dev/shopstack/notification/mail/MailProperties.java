package dev.shopstack.notification.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the emails look like from the outside.
 *
 * @param from the sender, e.g. {@code Shopstack <no-reply@shop.example>}
 * @param frontendBaseUrl the web front every emailed link points at (verify, reset, orders); links are built
 *     here, never taken from an event
 */
@Validated
@ConfigurationProperties("shop.notifications.mail")
public record MailProperties(@NotBlank String from, @NotNull URI frontendBaseUrl) {}
