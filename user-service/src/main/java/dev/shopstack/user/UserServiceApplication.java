package dev.shopstack.user;

import dev.shopstack.events.Topics;
import dev.shopstack.platform.kafka.KafkaTopicsProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }

    /** The topics this service writes (it reads session-revocations too), sized by {@code shop.kafka.topics}. */
    @Bean
    KafkaAdmin.NewTopics topics(KafkaTopicsProperties topics) {
        return topics.declare(Topics.USER_EVENTS, Topics.SESSION_REVOCATIONS);
    }
}
