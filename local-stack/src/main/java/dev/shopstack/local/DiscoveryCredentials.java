package dev.shopstack.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic credentials of discovery (ADR 0009): the local profile's well-known pair unless {@code EUREKA_USERNAME}
 * and {@code EUREKA_PASSWORD} say otherwise. Clients carry them in their {@code defaultZone} URLs.
 */
public record DiscoveryCredentials(String username, String password) {

    public static final DiscoveryCredentials LOCAL = new DiscoveryCredentials("eureka", "local-eureka-password");

    public DiscoveryCredentials {
        if (username == null
                || username.isBlank()
                || username.contains(":")
                || password == null
                || password.isEmpty()) {
            throw new IllegalArgumentException("EUREKA_USERNAME must be set without ':' and EUREKA_PASSWORD not empty");
        }
    }

    boolean isLocalDefault() {
        return equals(LOCAL);
    }

    /** A {@code defaultZone} URL: {@code http://user:password@host:port/eureka/}, both parts percent-encoded. */
    String serviceUrl(String host, int port) {
        return "http://" + encode(username) + ":" + encode(password) + "@" + host + ":" + port + "/eureka/";
    }

    String authorizationHeader() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Everything but RFC 3986's unreserved characters is percent-encoded (URLEncoder would turn a space into '+'). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "DiscoveryCredentials[" + username + ", password hidden]";
    }
}
