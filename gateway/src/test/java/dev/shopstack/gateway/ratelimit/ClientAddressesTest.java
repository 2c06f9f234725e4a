package dev.shopstack.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));

    private String key(String peer, String... forwardedFor) {
        var request = MockServerHttpRequest.get("/api/auth/login")
                .remoteAddress(new InetSocketAddress(ClientAddresses.literal(peer), 40000));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return addresses.key(MockServerWebExchange.from(request));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertThat(key("192.0.2.1", "203.0.113.5")).isEqualTo("ip:192.0.2.1");
    }

    @Test
    void aTrustedPeerForwardsTheRightMostUntrustedAddress() {
        assertThat(key("10.1.2.3", "203.0.113.5")).isEqualTo("ip:203.0.113.5");
        assertThat(key("10.1.2.3", "198.51.100.1, 203.0.113.5, 10.9.9.9")).isEqualTo("ip:203.0.113.5");
        assertThat(key("10.1.2.3")).isEqualTo("ip:10.1.2.3");
    }

    @Test
    void hostNamesAndGarbageAreNeverResolvedOrBelieved() {
        assertThat(key("10.1.2.3", "localhost")).isEqualTo("ip:10.1.2.3");
        assertThat(key("10.1.2.3", "evil.example, 203.0.113.5")).isEqualTo("ip:203.0.113.5");
        assertThat(key("10.1.2.3", "203.0.113.5, evil.example")).isEqualTo("ip:10.1.2.3");
        assertThat(ClientAddresses.literal("fe80::1%eth0")).isNull();
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        assertThat(key("2001:db8:1:2::10")).isEqualTo("ip6:20010db800010002::/64");
        assertThat(key("2001:db8:1:2:ffff::1")).isEqualTo(key("2001:db8:1:2::10"));
        assertThat(key("fd00::5", "[2001:db8:1:3::10]")).isEqualTo("ip6:20010db800010003::/64");
    }

    @Test
    void aBadCidrFailsAtStartUp() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal/8")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
