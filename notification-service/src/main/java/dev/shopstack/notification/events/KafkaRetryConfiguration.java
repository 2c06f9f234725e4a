package dev.shopstack.notification.events;

import dev.shopstack.events.Topics;
import dev.shopstack.notification.MalformedEventException;
import dev.shopstack.platform.kafka.KafkaTopicsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaRetryConfiguration {

    /** The topics this service reads, with the partitions of {@code shop.kafka.topics}. */
    @Bean
    KafkaAdmin.NewTopics topics(KafkaTopicsProperties topics) {
        return topics.declare(Topics.USER_EVENTS, Topics.ORDER_EVENTS, Topics.SESSION_REVOCATIONS);
    }

    /**
     * For both topics: {@code <topic>-retry-0 .. -retry-(attempts-2)} with exponential waits, then
     * {@code <topic>-dlt}. A malformed event skips the retries: it would fail the same way every time.
     * Topic names carry the index, not the delay, so changing the backoff does not rename topics. Spring Kafka
     * declares the retry and dead-letter topics (its own NewTopic beans), with the default partitions and
     * replication of {@code shop.kafka.topics}: every consumer replica gets a share of the retries too.
     */
    @Bean
    RetryTopicConfiguration eventRetryTopics(
            KafkaTemplate<?, ?> template, RetryProperties retry, KafkaTopicsProperties topics) {
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopics(ConsumedEvents.TOPICS)
                .maxAttempts(retry.attempts())
                .exponentialBackoff(
                        retry.initialDelay().toMillis(),
                        retry.multiplier(),
                        retry.maxDelay().toMillis())
                .suffixTopicsWithIndexValues()
                .autoCreateTopicsWith(topics.partitions(), topics.replicationFactor())
                .notRetryOn(MalformedEventException.class)
                .dltHandlerMethod(DeadLetterHandler.BEAN_NAME, "onDeadLetter")
                .create(template);
    }
}
