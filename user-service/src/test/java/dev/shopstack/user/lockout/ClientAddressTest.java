package dev.shopstack.user.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ipv4IsKeptAndIpv6IsKeyedByItsSlash64() {
        assertThat(ClientAddress.of("203.0.113.7").key()).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("2001:db8:1:2::1").key()).isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.of("2001:db8:1:2:ffff:ffff:ffff:ffff").key()).isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.of("[2001:db8:1:3::1]").key()).isEqualTo("20010db800010003::/64");
        assertThat(ClientAddress.of("::ffff:198.51.100.4").key()).isEqualTo("198.51.100.4");
    }

    @Test
    void aNameIsNeverResolvedAndOddInputIsBounded() {
        long start = System.nanoTime();
        assertThat(ClientAddress.of("attacker.example").key()).isEqualTo("attacker.example");
        assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
        assertThat(ClientAddress.of("x".repeat(500)).key()).hasSize(64);
        assertThat(ClientAddress.of((String) null).key()).isEqualTo("unknown");
        assertThat(ClientAddress.of("999.1.1.1").key()).isEqualTo("999.1.1.1");
    }
}
