package dev.shopstack.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final RevocationList list = new RevocationList(clock);

    @Test
    void aRevokedSessionStaysRevokedUntilItsExpiry() {
        list.revoke("s-1", clock.instant().plus(Duration.ofMinutes(16)));

        assertThat(list.isRevoked("s-1")).isTrue();
        assertThat(list.isRevoked("s-2")).isFalse();
        clock.advance(Duration.ofMinutes(15));
        assertThat(list.isRevoked("s-1")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(list.isRevoked("s-1")).isFalse();
        assertThat(list.size()).isZero();
    }

    @Test
    void expiredEntriesArePurgedAndNeverAdded() {
        list.revoke("old", clock.instant().minusSeconds(1));
        list.revoke("short", clock.instant().plusSeconds(10));
        list.revoke("long", clock.instant().plusSeconds(100));
        assertThat(list.size()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(10));
        list.purgeExpired();

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.isRevoked("long")).isTrue();
    }

    @Test
    void theLaterExpiryOfTwoRevocationsWins() {
        list.revoke("s-1", clock.instant().plusSeconds(100));
        list.revoke("s-1", clock.instant().plusSeconds(10));

        clock.advance(Duration.ofSeconds(50));
        assertThat(list.isRevoked("s-1")).isTrue();
    }
}
