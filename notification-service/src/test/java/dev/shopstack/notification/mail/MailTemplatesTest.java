package dev.shopstack.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventType;
import dev.shopstack.notification.MalformedEventException;
import dev.shopstack.notification.events.ConsumedEvents;
import dev.shopstack.platform.sealing.EventSeal;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every registered event this service reads is either mailed, with both parts of its template, or kept silent. */
class MailTemplatesTest {

    private final EmailComposer composer = new EmailComposer(
            new MailProperties("Shopstack <no-reply@shop.test>", URI.create("https://shop.test")),
            new EventSeal(new byte[32]),
            Clock.systemUTC());

    @Test
    void everyMailedEventHasAnHtmlAndATextTemplate() {
        List<String> missing = ConsumedEvents.mailed().stream()
                .flatMap(event -> List.of(".html", ".txt").stream()
                        .map(suffix -> "templates/" + EmailComposer.template(event) + suffix))
                .filter(path -> getClass().getClassLoader().getResource(path) == null)
                .toList();

        assertThat(missing)
                .as("templates of registered events that send an email")
                .isEmpty();
    }

    @Test
    void everyEventReadHereHasAComposerCase() {
        for (EventType event : ConsumedEvents.all()) {
            var blank = CloudEvent.of("/test", event.type(), "subject", (Object) blank(event.payload()));
            // an empty payload is refused as malformed or sends nothing; it never falls through the composer's switch
            assertThatCode(() -> {
                        try {
                            composer.compose(blank);
                        } catch (MalformedEventException expected) {
                            // a case read the payload and found it lacking
                        }
                    })
                    .as(event.type())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theSilentEventsAreRegisteredAndReadHere() {
        assertThat(ConsumedEvents.all()).containsAll(EmailComposer.SILENT);
        assertThat(ConsumedEvents.mailed())
                .doesNotContainAnyElementsOf(EmailComposer.SILENT)
                .isNotEmpty();
    }

    /** The payload with every component at its default: null, 0 or false. */
    private static Record blank(Class<? extends Record> payload) {
        RecordComponent[] components = payload.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values =
                Arrays.stream(types).map(MailTemplatesTest::defaultValue).toArray();
        try {
            return payload.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a blank " + payload.getSimpleName(), e);
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return 0; // int: no payload has another primitive
    }
}
