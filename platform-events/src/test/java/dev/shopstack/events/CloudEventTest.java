package dev.shopstack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    @Test
    void newEventsCarryTheSpecVersionAFreshIdAndTheSubject() {
        var first = CloudEvent.of("/user-service", EventTypes.USER_REGISTERED, "42", "payload");
        var second = CloudEvent.of("/user-service", EventTypes.USER_REGISTERED, "42", "payload");

        assertThat(first.specversion()).isEqualTo("1.0");
        assertThat(first.datacontenttype()).isEqualTo("application/json");
        assertThat(first.subject()).isEqualTo("42");
        assertThat(first.time()).isBeforeOrEqualTo(Instant.now());
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void anEventWithoutATypeIsRejected() {
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new CloudEvent<>("1.0", "id", "/src", null, Instant.now(), null, "application/json", 1))
                .withMessage("type");
    }
}
