package dev.shopstack.web.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Refreshes a session's access token, one refresh at a time per refresh token: a refresh token is single-use (a
 * second use revokes the whole session), so two requests of one browser that both find the token expired must not
 * both present it. The first refreshes; the others wait for it and take the rotated pair it left behind.
 */
@Component
public class TokenRefresher {

    /** Recent rotations, by a hash of the spent refresh token; long enough for the requests that waited. */
    private final Cache<String, Tokens> rotated = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(2))
            .build();

    private final Cache<String, Object> locks = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();
    private final Clock clock;

    public TokenRefresher(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param refreshCall sends {@code POST /api/auth/refresh} with the given refresh token and returns the answer
     * @return the new tokens
     * @throws SignedOutException when the API refuses the refresh token (expired, revoked, reused)
     */
    public Tokens refresh(Tokens stale, Function<String, JsonNode> refreshCall) {
        String key = hash(stale.refreshToken());
        Object lock = locks.get(key, k -> new Object());
        synchronized (lock) {
            Tokens already = rotated.getIfPresent(key);
            if (already != null) {
                return already;
            }
            JsonNode answer;
            try {
                answer = refreshCall.apply(stale.refreshToken());
            } catch (ApiException e) {
                if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                    throw new SignedOutException("Your session has ended. Please sign in again.");
                }
                throw e;
            }
            Tokens fresh = fromLogin(answer);
            rotated.put(key, fresh);
            return fresh;
        }
    }

    /** Tokens from a login or refresh answer ({@code accessToken}, {@code refreshToken}, {@code expiresIn}). */
    public Tokens fromLogin(JsonNode answer) {
        long expiresIn = Math.max(1, answer.path("expiresIn").asLong(60));
        return new Tokens(
                answer.path("accessToken").asString(),
                answer.path("refreshToken").asString(),
                clock.instant().plusSeconds(expiresIn));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Tokens> recentRotations() {
        return Map.copyOf(rotated.asMap());
    }
}
