package dev.shopstack.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.events.user.UserRegistered;
import dev.shopstack.notification.IntegrationTestSupport;
import dev.shopstack.notification.MalformedEventException;
import dev.shopstack.notification.delivery.Delivery;
import dev.shopstack.notification.delivery.DeliveryStatus;
import dev.shopstack.platform.sealing.EventSeal;
import dev.shopstack.platform.test.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * A duplicate of an event sends no second email (deduplicated by event id; delivery is at-least-once, see
 * docs/events.md "Idempotency"); a failed send is retried, then dead-lettered, and a malformed event is dead-lettered
 * at once.
 */
class DuplicatesRetriesAndDeadLettersTest extends IntegrationTestSupport {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RetryProperties retry;

    @Test
    void theSameEventTwiceSendsOneEmail() {
        String userId = UUID.randomUUID().toString();
        String to = uniqueAddress("ivan");
        var event = verification(userId, to);
        String marker = uniqueAddress("marker");

        publish(Topics.USER_EVENTS, event);
        publish(Topics.USER_EVENTS, event);
        publish(Topics.USER_EVENTS, registered(userId, marker));

        // same key, same partition: the marker's email means both copies have been consumed
        awaitOneMail(marker);
        assertThat(mailsTo(to)).hasSize(1);
        Delivery delivery = awaitDelivery(event.id(), d -> d.getStatus() == DeliveryStatus.SENT);
        assertThat(delivery.getAttempts()).isEqualTo(1);
    }

    @Test
    void whileTheSmtpServerIsDownTheEmailIsRetriedUntilItArrives() {
        String to = uniqueAddress("judy");
        var event = verification(UUID.randomUUID().toString(), to);
        smtp.stop();

        publish(Topics.USER_EVENTS, event);
        Delivery failed = awaitDelivery(event.id(), d -> d.getStatus() == DeliveryStatus.FAILED);
        assertThat(failed.getLastError()).isNotBlank();
        smtp.start();

        var mail = awaitOneMail(to);
        assertThat(mail.text()).contains("482913");
        Delivery sent = awaitDelivery(event.id(), d -> d.getStatus() == DeliveryStatus.SENT);
        assertThat(sent.getAttempts()).isGreaterThan(1);
        assertThat(sent.getLastError()).isNull();
        assertThat(meters.counter("notifications.emails.failed", "type", event.type())
                        .count())
                .isPositive();
    }

    @Test
    void whenTheSmtpServerStaysDownTheEventEndsOnTheDeadLetterTopicAfterTheLastTry() {
        String key = UUID.randomUUID().toString();
        var event = verification(key, uniqueAddress("leo"));
        smtp.stop();

        publish(Topics.USER_EVENTS, event);

        ConsumerRecord<String, String> dead = awaitDeadLetter(Topics.USER_EVENTS + "-dlt", key);
        assertThat(header(dead, KafkaHeaders.EXCEPTION_CAUSE_FQCN)).startsWith("org.springframework.mail.");
        assertThat(header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).doesNotContain("482913");
        Delivery failed = delivery(event.id()).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(retry.attempts());
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillDelivered() {
        String key = UUID.randomUUID().toString();
        String to = uniqueAddress("kim");
        double deadLettersBefore = deadLetters();

        publishRaw(Topics.USER_EVENTS, key, "{\"this is\": not a cloud event");
        publish(Topics.USER_EVENTS, registered(key, to));

        awaitOneMail(to);
        ConsumerRecord<String, String> dead = awaitDeadLetter(Topics.USER_EVENTS + "-dlt", key);
        assertThat(dead.value()).isEqualTo("{\"this is\": not a cloud event");
        assertThat(header(dead, KafkaHeaders.EXCEPTION_CAUSE_FQCN)).isEqualTo(MalformedEventException.class.getName());
        assertThat(header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).contains("not a CloudEvents JSON envelope");
        assertThat(header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.USER_EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters() > deadLettersBefore);
    }

    @Test
    void anEventWithoutARecipientIsDeadLetteredAtOnceWithoutSecretsInTheReason() {
        String key = UUID.randomUUID().toString();
        var event = verification(key, null);

        publish(Topics.USER_EVENTS, event);

        ConsumerRecord<String, String> dead = awaitDeadLetter(Topics.USER_EVENTS + "-dlt", key);
        assertThat(header(dead, KafkaHeaders.EXCEPTION_MESSAGE))
                .contains("data.email is missing")
                .doesNotContain("482913");
        assertThat(delivery(event.id())).isEmpty();
    }

    @Test
    void anEventWhoseSealedSecretDoesNotOpenIsDeadLetteredNotMailed() {
        String userId = UUID.randomUUID().toString();
        String to = uniqueAddress("mallory");
        String token = "Zm9vYmFyLXRva2VuLXJlc2V0LTEyMzQ1Njc4OTA";
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        List<String> poison = List.of(
                token, // in clear, as before sealing
                seal.seal(
                        EventTypes.USER_PASSWORD_RESET_REQUESTED,
                        UUID.randomUUID().toString(),
                        token),
                seal.seal(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, userId, token),
                new EventSeal(otherKey).seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, userId, token),
                // opens, but a link where a token belongs: the mail would point wherever the sender wanted
                seal.seal(EventTypes.USER_PASSWORD_RESET_REQUESTED, userId, "https://evil.example/reset?token=x"));
        for (String sealed : poison) {
            publish(
                    Topics.USER_EVENTS,
                    event(
                            "/user-service",
                            EventTypes.USER_PASSWORD_RESET_REQUESTED,
                            userId,
                            new PasswordResetRequested(
                                    userId, to, "Mallory", sealed, Instant.now().plusSeconds(1800))));
        }
        String marker = uniqueAddress("marker");
        publish(Topics.USER_EVENTS, registered(userId, marker));

        awaitOneMail(marker);
        assertThat(mailsTo(to)).isEmpty();
        var dead = awaitDeadLetters(Topics.USER_EVENTS + "-dlt", userId, poison.size());
        assertThat(dead).hasSize(poison.size()).allSatisfy(record -> {
            assertThat(header(record, KafkaHeaders.EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(MalformedEventException.class.getName());
            assertThat(header(record, KafkaHeaders.EXCEPTION_MESSAGE))
                    .contains("data.sealedToken")
                    .doesNotContain(token)
                    .doesNotContain("evil.example");
        });
    }

    private double deadLetters() {
        var counter = meters.find("notifications.dead.letters")
                .tag("topic", Topics.USER_EVENTS)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String topic, String key) {
        return awaitDeadLetters(topic, key, 1).get(0);
    }

    private List<ConsumerRecord<String, String>> awaitDeadLetters(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = PublishedEvents.fromTheStart(broker.getBrokersAsString(), topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private CloudEvent<EmailVerificationRequested> verification(String userId, String to) {
        return event(
                "/user-service",
                EventTypes.USER_EMAIL_VERIFICATION_REQUESTED,
                userId,
                new EmailVerificationRequested(
                        userId,
                        to,
                        "Judy",
                        seal.seal(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, userId, "482913"),
                        Instant.now().plusSeconds(900)));
    }

    private static CloudEvent<UserRegistered> registered(String userId, String to) {
        return event(
                "/user-service", EventTypes.USER_REGISTERED, userId, new UserRegistered(userId, to, "someone", null));
    }
}
