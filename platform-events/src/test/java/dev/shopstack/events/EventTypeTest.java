package dev.shopstack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderLine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void aPayloadRecordGivesItsTypeAndTopic() {
        var event = EventType.of(new OrderCancelled("o-1", "u-1", "a@example.org", "customer", null));

        assertThat(event.type()).isEqualTo("order.cancelled");
        assertThat(event.topic()).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(EventType.ofType("order.cancelled")).contains(event);
        assertThat(EventType.ofType("order.teleported")).isEmpty();
    }

    @Test
    void aRecordThatIsNotAnEventIsRefused() {
        var notAnEvent = new OrderLine("1", "S", "N", 1, null, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.of(notAnEvent))
                .withMessageContaining("OrderLine is not a registered event payload");
    }

    @Test
    void everyTypeConstantIsRegisteredOnceWithItsOwnPayload() throws IllegalAccessException {
        var constants = new ArrayList<String>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        List<String> registered =
                Arrays.stream(EventType.values()).map(EventType::type).toList();

        assertThat(registered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(constants);
        assertThat(Arrays.stream(EventType.values()).map(EventType::payload)).doesNotHaveDuplicates();
    }

    @Test
    void everyEventIsOnAPlatformTopicAndItsTypeNamesItsAggregate() {
        var topics = List.of(Topics.USER_EVENTS, Topics.ORDER_EVENTS, Topics.SESSION_REVOCATIONS);
        for (EventType event : EventType.values()) {
            assertThat(topics).as(event.type()).contains(event.topic());
            String aggregate = event.type().substring(0, event.type().indexOf('.'));
            assertThat(event.payload().getPackageName()).as(event.type()).endsWith("." + aggregate);
        }
        assertThat(EventType.onTopic(Topics.SESSION_REVOCATIONS)).containsExactly(EventType.USER_SESSIONS_REVOKED);
    }
}
