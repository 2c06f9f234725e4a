package dev.shopstack.notification.events;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Non-blocking retries of a failed send: the record moves to the next retry topic and waits there, so the
 * main topics keep flowing for everybody else.
 *
 * @param attempts tries in all, the first one included (so {@code attempts - 1} retry topics)
 * @param initialDelay wait before the first retry
 * @param multiplier factor between one wait and the next
 * @param maxDelay cap of a single wait
 */
@Validated
@ConfigurationProperties("shop.notifications.retry")
public record RetryProperties(
        @Min(2) int attempts,
        @NotNull Duration initialDelay,
        @DecimalMin("1.0") double multiplier,
        @NotNull Duration maxDelay) {}
