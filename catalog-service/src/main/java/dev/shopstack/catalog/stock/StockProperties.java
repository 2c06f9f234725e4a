package dev.shopstack.catalog.stock;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reservationTtl how long a reservation holds stock unless confirmed; then the expiry job gives it back
 */
@ConfigurationProperties("shop.catalog.stock")
public record StockProperties(@DefaultValue("15m") Duration reservationTtl) {}
