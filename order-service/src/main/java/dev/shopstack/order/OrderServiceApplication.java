package dev.shopstack.order;

import dev.shopstack.events.Topics;
import dev.shopstack.platform.kafka.KafkaTopicsProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    /**
     * The topics this service uses (writes order-events, reads user-events and session-revocations), with the
     * partitions of {@code shop.kafka.topics}.
     */
    @Bean
    KafkaAdmin.NewTopics topics(KafkaTopicsProperties topics) {
        return topics.declare(Topics.ORDER_EVENTS, Topics.USER_EVENTS, Topics.SESSION_REVOCATIONS);
    }
}
