package dev.shopstack.order.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service reaches catalog-service's internal stock API.
 *
 * @param baseUrl resolved through discovery by the load-balanced client ({@code http://<service-id>})
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for an answer; bounds one attempt (retries multiply it)
 */
@ConfigurationProperties("shop.catalog.client")
public record CatalogClientProperties(
        @DefaultValue("http://catalog-service") String baseUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {}
