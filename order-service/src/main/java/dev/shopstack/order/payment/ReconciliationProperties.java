package dev.shopstack.order.payment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reconciliation of card payments whose webhook may have been lost.
 *
 * @param interval how often the job runs
 * @param age how long an order waits for its card payment before the provider is asked about it; webhooks
 *     normally arrive within seconds, so only lost (or very late) ones are looked up
 * @param batch at most this many orders are looked up per run (one provider call each), oldest first
 */
@Validated
@ConfigurationProperties("shop.payments.reconciliation")
public record ReconciliationProperties(
        @NotNull @DefaultValue("60s") Duration interval,
        @NotNull @DefaultValue("5m") Duration age,
        @Min(1) @Max(1000) @DefaultValue("100") int batch) {}
