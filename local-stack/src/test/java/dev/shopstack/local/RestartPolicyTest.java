package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = RestartPolicy.DEFAULT;

    @Test
    void theDelayDoublesWithEveryCrashInTheWindowUpToThirtySeconds() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20).stream()
                        .map(policy::delayAfter)
                        .map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void itGivesUpAtTheFifthCrashWithinTenMinutes() {
        assertThat(policy.givesUp(4)).isFalse();
        assertThat(policy.givesUp(5)).isTrue();
        assertThat(RestartPolicy.NEVER.givesUp(1)).isTrue();
    }

    @Test
    void onlyCrashesWithinTheWindowCount() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        List<Instant> crashes = List.of(
                now.minusSeconds(3600), now.minusSeconds(601), now.minusSeconds(599), now.minusSeconds(10), now);

        assertThat(policy.crashesInWindow(crashes, now)).isEqualTo(3);
    }

    @Test
    void anInconsistentPolicyIsRefused() {
        assertThatThrownBy(
                        () -> new RestartPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 3, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
