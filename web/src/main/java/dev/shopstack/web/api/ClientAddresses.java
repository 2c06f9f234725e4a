package dev.shopstack.web.api;

import dev.shopstack.web.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The browser's address: the TCP peer, unless the peer is a trusted proxy (an edge load balancer), in which case the
 * right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy. Never resolves host names: only
 * literal IPv4/IPv6 addresses count, anything else in the header stops the walk.
 */
@Component
public class ClientAddresses {

    static final int MAX_HEADER_LENGTH = 2048;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Cidr> trusted;

    @Autowired
    public ClientAddresses(WebProperties properties) {
        this(properties.trustedProxies());
    }

    ClientAddresses(List<String> trustedCidrs) {
        this.trusted = trustedCidrs.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String resolve(String peer, String forwardedFor) {
        if (!isTrusted(peer)
                || forwardedFor == null
                || forwardedFor.isBlank()
                || forwardedFor.length() > MAX_HEADER_LENGTH) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            InetAddress address = literal(hop);
            if (address == null) {
                return client; // garbage: believe nothing further left
            }
            client = address.getHostAddress();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && trusted.stream().anyMatch(cidr -> cidr.contains(parsed));
    }

    /** A literal address only: InetAddress.getByName would resolve a host name. */
    static InetAddress literal(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches() || (!text.contains(":") && !text.contains("."))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("Not an address range: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
