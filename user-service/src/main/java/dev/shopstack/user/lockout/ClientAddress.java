package dev.shopstack.user.lockout;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The client a request came from, as a lockout key: an IPv4 address, or the /64 prefix of an IPv6 address (one
 * subscriber usually holds a whole /64, so counting per /128 would be no limit at all). The address is the
 * request's remote address after Tomcat's remote-IP handling, i.e. the {@code X-Forwarded-For} entry that the
 * gateway (a trusted internal proxy) set.
 */
public record ClientAddress(String key) {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final int MAX_KEY_LENGTH = 64;

    public static ClientAddress of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    /** Never resolves a host name: only literal addresses are parsed, anything else is kept as (bounded) text. */
    public static ClientAddress of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return new ClientAddress("unknown");
        }
        String value = remoteAddress.strip();
        if (IPV4.matcher(value).matches() || value.indexOf(':') >= 0) {
            try {
                return fromInetAddress(InetAddress.getByName(stripBrackets(value)));
            } catch (UnknownHostException | SecurityException e) {
                // not a literal address after all: fall through
            }
        }
        return new ClientAddress(value.length() > MAX_KEY_LENGTH ? value.substring(0, MAX_KEY_LENGTH) : value);
    }

    private static ClientAddress fromInetAddress(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 8);
            return new ClientAddress(HexFormat.of().formatHex(prefix) + "::/64");
        }
        return new ClientAddress(address.getHostAddress()); // IPv4, also from an IPv4-mapped IPv6 literal
    }

    private static String stripBrackets(String value) {
        return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    }
}
