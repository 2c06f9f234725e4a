package dev.shopstack.user;

import dev.shopstack.events.Topics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * One Spring context for all user-service API tests: the real service over MockMvc (and on a random port, for the
 * tests that need Tomcat itself, e.g. its X-Forwarded-For handling), H2 (or MariaDB in CI) and a real embedded
 * Kafka broker that the outbox publishes to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestClock.class)
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.USER_EVENTS, Topics.SESSION_REVOCATIONS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface UserApiTest {}
