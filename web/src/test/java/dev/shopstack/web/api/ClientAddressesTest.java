package dev.shopstack.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses loopbackTrusted = new ClientAddresses(List.of("127.0.0.1/32", "::1/128"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(loopbackTrusted.resolve("192.0.2.7", "198.51.100.1")).isEqualTo("192.0.2.7");
    }

    @Test
    void aTrustedPeerPassesOnTheRightMostUntrustedAddress() {
        assertThat(loopbackTrusted.resolve("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(loopbackTrusted.resolve("127.0.0.1", "203.0.113.9, 198.51.100.1, 127.0.0.1"))
                .as("a client cannot choose its address by prepending one")
                .isEqualTo("198.51.100.1");
        assertThat(loopbackTrusted.resolve("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void hostNamesAndGarbageAreNeverResolvedOrBelieved() {
        assertThat(loopbackTrusted.resolve("127.0.0.1", "evil.example")).isEqualTo("127.0.0.1");
        assertThat(loopbackTrusted.resolve("127.0.0.1", "198.51.100.1, localhost"))
                .isEqualTo("127.0.0.1");
        assertThat(loopbackTrusted.resolve("127.0.0.1", "1".repeat(ClientAddresses.MAX_HEADER_LENGTH + 1)))
                .isEqualTo("127.0.0.1");
        assertThat(loopbackTrusted.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void withNoTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddresses(List.of()).resolve("127.0.0.1", "198.51.100.1"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void rangesMatchByPrefix() {
        var proxies = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(proxies.resolve("10.20.30.40", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(proxies.resolve("11.0.0.1", "198.51.100.1")).isEqualTo("11.0.0.1");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
