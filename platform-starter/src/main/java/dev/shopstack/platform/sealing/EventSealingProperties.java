package dev.shopstack.platform.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sealingKey the AES-256 key that user-service and notification-service share for sealed event fields:
 *     base64 of 32 random bytes ({@code SHOP_EVENTS_SEALING_KEY}; e.g. {@code openssl rand -base64 32})
 */
@ConfigurationProperties("shop.events")
public record EventSealingProperties(String sealingKey) {}
