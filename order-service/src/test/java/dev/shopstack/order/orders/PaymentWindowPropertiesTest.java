package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The payment window's check interval stays within what the job's lock allows. */
class PaymentWindowPropertiesTest {

    @Test
    void anIntervalUpToOneMinuteIsAccepted() {
        var window = new PaymentWindowProperties(Duration.ofMinutes(14), Duration.ofMinutes(1));

        assertThat(window.checkInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anIntervalLongerThanTheLockIsHeldAtMostIsRefusedAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PaymentWindowProperties(Duration.ofMinutes(14), Duration.ofSeconds(61)))
                .withMessageContaining("check-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PaymentWindowProperties(Duration.ofMinutes(14), Duration.ZERO));
    }
}
