package dev.shopstack.notification.events;

import dev.shopstack.events.EventType;
import dev.shopstack.events.Topics;
import dev.shopstack.notification.mail.EmailComposer;
import java.util.List;

/**
 * The topics this service reads and, from the {@link EventType} registry, the events on them: the reader, the
 * retry topics and the metrics all take their lists from here, so a new registered event needs no line in this
 * service besides its composer case and template.
 */
public final class ConsumedEvents {

    /** The topics of the listener (which needs them as constants: keep both in step). */
    public static final List<String> TOPICS = List.of(Topics.USER_EVENTS, Topics.ORDER_EVENTS);

    private ConsumedEvents() {}

    /** Every registered event on the topics read here. */
    public static List<EventType> all() {
        return TOPICS.stream()
                .flatMap(topic -> EventType.onTopic(topic).stream())
                .toList();
    }

    /** The events that become an email: all of them but the few the composer keeps silent. */
    public static List<EventType> mailed() {
        return all().stream()
                .filter(event -> !EmailComposer.SILENT.contains(event))
                .toList();
    }
}
