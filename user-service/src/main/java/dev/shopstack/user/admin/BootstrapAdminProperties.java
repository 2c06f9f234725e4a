package dev.shopstack.user.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param email, username, password of the first admin; all three are needed */
@ConfigurationProperties("shop.bootstrap-admin")
public record BootstrapAdminProperties(String email, String username, String password) {

    boolean complete() {
        return email != null
                && !email.isBlank()
                && username != null
                && !username.isBlank()
                && password != null
                && password.length() >= 12;
    }
}
