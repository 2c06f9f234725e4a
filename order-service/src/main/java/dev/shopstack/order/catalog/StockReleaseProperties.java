package dev.shopstack.order.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryInterval how often pending stock releases are retried; the pause per release doubles up to 10 min
 */
@ConfigurationProperties("shop.orders.stock-release")
public record StockReleaseProperties(@DefaultValue("30s") Duration retryInterval) {}
