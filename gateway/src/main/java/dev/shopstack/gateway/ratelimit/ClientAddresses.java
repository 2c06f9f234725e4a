package dev.shopstack.gateway.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request comes from, as a rate-limit key. The TCP peer, unless the peer is a trusted proxy (a CIDR of
 * {@code shop.gateway.trusted-proxies}, e.g. the web front-end): then the right-most {@code X-Forwarded-For} entry
 * that is not itself a trusted proxy. A header from anyone else is ignored, since anyone can write one. Only IP
 * literals are read (a host name is never resolved), and IPv6 clients are keyed by their /64, the block one
 * subscriber usually gets, so rotating addresses inside it gains nothing.
 */
final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_FORWARDED_ENTRIES = 20;

    private final List<Cidr> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(String::strip)
                .filter(cidr -> !cidr.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    /** The key of the client, or null when the connection has no peer address (never in practice). */
    String key(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return null;
        }
        InetAddress client = peer;
        if (trusted(peer)) {
            List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
            for (int i = forwarded.size() - 1, seen = 0; i >= 0 && seen < MAX_FORWARDED_ENTRIES; i--, seen++) {
                InetAddress hop = literal(forwarded.get(i));
                if (hop == null) {
                    break; // garbage in the chain: trust nothing to its left
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    static String key(InetAddress address) {
        if (address instanceof Inet4Address) {
            return "ip:" + address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        return "ip6:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    /** An IPv4 or IPv6 literal, parsed without any name lookup; null for anything else. */
    static InetAddress literal(String text) {
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        boolean v4 = IPV4.matcher(value).matches();
        boolean v6 = !v4 && value.indexOf(':') >= 0 && IPV6.matcher(value).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(value); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("shop.gateway.trusted-proxies: not a CIDR: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("shop.gateway.trusted-proxies: bad prefix in " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
