package dev.shopstack.platform.secrets;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One secret an app needs in {@code prod}, declared under {@code shop.secrets.required.<name>}.
 *
 * @param property where the app reads it
 * @param env the environment variable operators set, for the message (derived from the property if absent)
 * @param minLength characters at least; for {@link Kind#BASE64_KEY}, decoded bytes
 * @param kind how to read the value
 */
public record SecretRule(
        String property,
        String env,
        @DefaultValue("1") int minLength,
        @DefaultValue("TEXT") Kind kind) {

    public enum Kind {
        /** The value itself. */
        TEXT,
        /** The password in the user-info of each comma-separated URL ({@code http://user:password@host/...}). */
        URL_PASSWORD,
        /** Base64 of a key: {@code minLength} counts the decoded bytes. */
        BASE64_KEY,
        /** A directory that must hold at least one {@code .pem} key. */
        KEY_DIRECTORY
    }

    String envOrDerived() {
        return env != null && !env.isBlank()
                ? env
                : property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
