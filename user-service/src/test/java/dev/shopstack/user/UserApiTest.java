package dev.shopstack.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * One Spring context for all user-service API tests: the real service over MockMvc, H2 (or MariaDB in CI) and a
 * real embedded Kafka broker that the outbox publishes to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = "user-events", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface UserApiTest {
}
