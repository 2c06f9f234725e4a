package dev.shopstack.platform.sealing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An {@link EventSeal} for the services that declare {@code shop.events.sealing-key} (user-service and
 * notification-service). Declared but empty or malformed, the service does not start.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "shop.events", name = "sealing-key")
@EnableConfigurationProperties(EventSealingProperties.class)
public class EventSealingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventSeal eventSeal(EventSealingProperties properties) {
        try {
            return EventSeal.fromBase64(properties.sealingKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("shop.events.sealing-key (SHOP_EVENTS_SEALING_KEY) is unusable: "
                    + e.getMessage() + ". Set it to the base64 of 32 random bytes, e.g. openssl rand -base64 32");
        }
    }
}
