package dev.shopstack.web.api;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** The API tokens of one signed-in browser. They live only in the server-side session, never in the browser. */
public record Tokens(String accessToken, String refreshToken, Instant accessExpiresAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String SESSION_ATTRIBUTE = "shop.tokens";

    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(accessExpiresAt);
    }

    @Override
    public String toString() {
        return "Tokens[expires " + accessExpiresAt + "]"; // never the secrets in a log line
    }
}
