package dev.shopstack.order.customer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class UserEventsConsumerConfiguration {

    /**
     * A deletion must never be skipped: when erasing fails (the database is away) the record is retried, 1 s then
     * doubling up to 1 min, for as long as it takes. Malformed records never get here, the listener skips them.
     */
    @Bean
    DefaultErrorHandler userEventsErrorHandler() {
        var backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        return new DefaultErrorHandler(backOff);
    }
}
