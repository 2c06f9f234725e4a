package dev.shopstack.notification.events;

import dev.shopstack.events.Topics;
import dev.shopstack.notification.MalformedEventException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaRetryConfiguration {

    /**
     * For both topics: {@code <topic>-retry-0 .. -retry-(attempts-2)} with exponential waits, then
     * {@code <topic>-dlt}. A malformed event skips the retries: it would fail the same way every time.
     * Topic names carry the index, not the delay, so changing the backoff does not rename topics.
     */
    @Bean
    RetryTopicConfiguration eventRetryTopics(KafkaTemplate<?, ?> template, RetrySettings retry) {
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopics(List.of(Topics.USER_EVENTS, Topics.ORDER_EVENTS))
                .maxAttempts(retry.attempts())
                .exponentialBackoff(retry.initialDelay().toMillis(), retry.multiplier(), retry.maxDelay().toMillis())
                .suffixTopicsWithIndexValues()
                .notRetryOn(MalformedEventException.class)
                .dltHandlerMethod(DeadLetterHandler.BEAN_NAME, "onDeadLetter")
                .create(template);
    }
}
