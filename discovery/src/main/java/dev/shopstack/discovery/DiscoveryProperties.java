package dev.shopstack.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one credential of the registry (ADR 0009): every service, the gateway and a peer registry present it with
 * HTTP Basic, in their {@code defaultZone} URLs.
 *
 * @param username {@code EUREKA_USERNAME}
 * @param password {@code EUREKA_PASSWORD}; the prod profile requires 16 characters and refuses the local one
 */
@ConfigurationProperties("shop.discovery")
public record DiscoveryProperties(String username, String password) {

    public DiscoveryProperties {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("shop.discovery.username and password (EUREKA_USERNAME, "
                    + "EUREKA_PASSWORD) must be set: discovery never runs open");
        }
    }
}
