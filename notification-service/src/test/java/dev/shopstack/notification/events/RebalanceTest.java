package dev.shopstack.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.notification.IntegrationTestSupport;
import dev.shopstack.notification.NotificationServiceApplication;
import dev.shopstack.notification.delivery.Delivery;
import dev.shopstack.notification.delivery.DeliveryStatus;
import dev.shopstack.platform.test.TestJwtConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Two replicas of notification-service in one consumer group (this test's context and a second application
 * context on the same database, broker and SMTP server). 300 events with distinct keys flow while the second replica
 * joins, takes its share of the partitions and is stopped halfway: its partitions move back to the first replica.
 * Every event ends as one SENT delivery row and one email.
 */
class RebalanceTest extends IntegrationTestSupport {

    private static final int EVENTS = 300;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aReplicaLeavingWhileEventsFlowLosesAndDuplicatesNoEmail() {
        double sentByFirstBefore = sent(meters);
        ConfigurableApplicationContext second = secondReplica();
        MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
        List<String> eventIds = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<CloudEvent<UserRegistered>> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String userId = UUID.randomUUID().toString();
            String to = uniqueAddress("rebalance-" + i);
            events.add(event(
                    "/user-service",
                    EventTypes.USER_REGISTERED,
                    userId,
                    new UserRegistered(userId, to, "user" + i, "Ada")));
            eventIds.add(events.get(i).id());
            addresses.add(to);
        }
        long start;
        long sentAtStop;
        CompletableFuture<Void> publishing;
        try {
            // both replicas hold partitions of user-events before the events start
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> holdsUserEvents(listeners)
                            && holdsUserEvents(second.getBean(KafkaListenerEndpointRegistry.class)));
            start = System.nanoTime();
            publishing = CompletableFuture.runAsync(() -> events.forEach(e -> publish(Topics.USER_EVENTS, e)));
            // stop the second replica while events flow, once it has sent some of its share
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(secondMeters) >= 20);
            sentAtStop = sentRows(eventIds);
        } finally {
            second.close();
        }
        long stopped = System.nanoTime();
        double sentBySecond = sent(secondMeters);
        publishing.join();

        await().atMost(Duration.ofSeconds(90)).until(() -> sentRows(eventIds) == EVENTS);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailsPerAddress(addresses).values().stream().allMatch(n -> n == 1));

        Map<String, Long> mails = mailsPerAddress(addresses);
        List<Delivery> rows =
                eventIds.stream().map(id -> delivery(id).orElseThrow()).toList();
        long retried = rows.stream().filter(d -> d.getAttempts() > 1).count();
        double sentByFirst = sent(meters) - sentByFirstBefore;
        System.out.printf(
                "rebalance: %d events; the second replica stopped %d ms after the first event, with %d of "
                        + "them sent; first replica sent %.0f, second %.0f; %d delivery rows SENT, %d emails, %d rows tried "
                        + "more than once; all sent %d ms after the stop%n",
                EVENTS,
                Duration.ofNanos(stopped - start).toMillis(),
                sentAtStop,
                sentByFirst,
                sentBySecond,
                sentRows(eventIds),
                mails.values().stream().mapToLong(Long::longValue).sum(),
                retried,
                Duration.ofNanos(System.nanoTime() - stopped).toMillis());

        assertThat(sentAtStop)
                .as("the second replica stopped while events were flowing")
                .isLessThan(EVENTS);
        assertThat(sentBySecond).as("the second replica took a share").isPositive();
        assertThat(rows).allMatch(d -> d.getStatus() == DeliveryStatus.SENT);
        assertThat(mails)
                .as("one email per event")
                .allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
        assertThat(sentByFirst + sentBySecond)
                .as("emails handed to SMTP, both replicas")
                .isEqualTo(EVENTS);
    }

    /** A second replica: same database, broker, consumer group and SMTP server; no web server. */
    private ConfigurableApplicationContext secondReplica() {
        // arguments, not default properties: those would lose to the service's application.yml
        return new SpringApplicationBuilder(NotificationServiceApplication.class, TestJwtConfiguration.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.mail.host=" + environment.getRequiredProperty("spring.mail.host"),
                        "--spring.mail.port=" + environment.getRequiredProperty("spring.mail.port"),
                        "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.flyway.enabled=false");
    }

    private static boolean holdsUserEvents(KafkaListenerEndpointRegistry registry) {
        return registry.getAllListenerContainers().stream()
                .map(MessageListenerContainer::getAssignedPartitions)
                .filter(Objects::nonNull)
                .flatMap(Collection::stream)
                .anyMatch(p -> p.topic().equals(Topics.USER_EVENTS));
    }

    private static double sent(MeterRegistry registry) {
        Counter counter = registry.find("notifications.emails.sent")
                .tag("type", EventTypes.USER_REGISTERED)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long sentRows(List<String> eventIds) {
        return eventIds.stream()
                .map(this::delivery)
                .filter(d -> d.isPresent() && d.get().getStatus() == DeliveryStatus.SENT)
                .count();
    }

    /** Emails received per address, for each of these addresses (0 when none). */
    private static Map<String, Long> mailsPerAddress(List<String> addresses) {
        Map<String, Long> received = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                for (Address to : mail.getAllRecipients()) {
                    received.merge(to.toString(), 1L, Long::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return addresses.stream().collect(Collectors.toMap(Function.identity(), to -> received.getOrDefault(to, 0L)));
    }
}
