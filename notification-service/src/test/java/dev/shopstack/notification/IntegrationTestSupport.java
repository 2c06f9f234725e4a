package dev.shopstack.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.shopstack.events.CloudEvent;
import dev.shopstack.notification.delivery.Delivery;
import dev.shopstack.notification.delivery.DeliveryRepository;
import dev.shopstack.platform.sealing.EventSeal;
import dev.shopstack.platform.test.Ports;
import dev.shopstack.platform.test.TestJwtConfiguration;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the module's tests: an embedded KRaft broker (the service creates its topics), a
 * GreenMail SMTP server (fresh for every test, on one port for the whole run) and the H2 or MariaDB database of the
 * active profiles.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestJwtConfiguration.class)
// no topics: the service declares its own (shop.kafka.topics); one it forgot would get the broker default, 1
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTestSupport {

    private static final int SMTP_PORT = Ports.unused();

    @RegisterExtension
    protected static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    protected DeliveryRepository deliveries;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private JsonMapper json;

    /** Seals as user-service does, with the key both share in the tests. */
    @Autowired
    protected EventSeal seal;

    @BeforeEach
    void emptyDeliveryLog() {
        deliveries.deleteAll();
    }

    protected static String uniqueAddress(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    protected static <T> CloudEvent<T> event(String source, String type, String subject, T data) {
        return new CloudEvent<>(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                source,
                type,
                Instant.now(),
                subject,
                CloudEvent.JSON,
                data);
    }

    protected void publish(String topic, CloudEvent<?> event) {
        publishRaw(topic, event.subject(), json.writeValueAsString(event));
    }

    protected void publishRaw(String topic, String key, String value) {
        kafka.send(topic, key, value).join();
    }

    /** Waits for the one email to this address and returns it; fails if a second one arrived. */
    protected ReceivedMail awaitOneMail(String recipient) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient).size() >= 1);
        List<MimeMessage> mails = mailsTo(recipient);
        if (mails.size() != 1) {
            throw new AssertionError(mails.size() + " emails to " + recipient);
        }
        return ReceivedMail.of(mails.get(0));
    }

    protected List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> ReceivedMail.isTo(m, recipient))
                .toList();
    }

    protected Delivery awaitDelivery(String eventId, Predicate<Delivery> condition) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.findByEventId(eventId).filter(condition).isPresent());
        return deliveries.findByEventId(eventId).orElseThrow();
    }

    protected Optional<Delivery> delivery(String eventId) {
        return deliveries.findByEventId(eventId);
    }

    /** The parts of a received email the tests look at. */
    protected record ReceivedMail(String from, String to, String subject, String text, String html) {

        static boolean isTo(MimeMessage message, String recipient) {
            try {
                return Arrays.stream(message.getAllRecipients())
                        .anyMatch(a -> a.toString().equals(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        static ReceivedMail of(MimeMessage message) {
            try {
                var parts = new StringBuilder[] {new StringBuilder(), new StringBuilder()};
                collect(message, parts);
                return new ReceivedMail(
                        message.getFrom()[0].toString(),
                        message.getAllRecipients()[0].toString(),
                        message.getSubject(),
                        parts[0].toString(),
                        parts[1].toString());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void collect(Part part, StringBuilder[] textAndHtml) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                textAndHtml[0].append(part.getContent());
            } else if (part.isMimeType("text/html")) {
                textAndHtml[1].append(part.getContent());
            } else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body, textAndHtml);
                }
            }
        }
    }
}
