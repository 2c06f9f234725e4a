package dev.shopstack.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in the tests: real time plus an offset that a test can move forward, to pass a cool-down or
 * a session's lifetime without waiting. Only ever forward, so tokens and codes issued earlier stay consistent.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            offset.updateAndGet(current -> current.plus(by));
        }

        /** Moves past the next UTC midnight if it is nearer than {@code span}: a per-day cap must not reset mid-test. */
        public void keepWithinOneUtcDay(Duration span) {
            Instant now = instant();
            Duration toMidnight =
                    Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
            if (toMidnight.compareTo(span) < 0) {
                advance(toMidnight.plusSeconds(1));
            }
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
