package dev.shopstack.user.profile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Avatars in the database, so every replica serves the same picture. */
@Repository
public class AvatarStore {

    public record Avatar(String contentType, byte[] image, String etag) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AvatarStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public String save(UUID userId, byte[] png) {
        String etag = sha256Hex(png);
        jdbc.update("DELETE FROM avatars WHERE user_id = ?", userId.toString());
        jdbc.update(
                "INSERT INTO avatars (user_id, content_type, image, etag, updated_at) VALUES (?, ?, ?, ?, ?)",
                userId.toString(),
                "image/png",
                png,
                etag,
                Timestamp.from(clock.instant()));
        return etag;
    }

    @Transactional(readOnly = true)
    public Optional<Avatar> find(UUID userId) {
        return jdbc
                .query(
                        "SELECT content_type, image, etag FROM avatars WHERE user_id = ?",
                        (rs, row) -> new Avatar(rs.getString(1), rs.getBytes(2), rs.getString(3)),
                        userId.toString())
                .stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID userId) {
        return !withAvatars(List.of(userId)).isEmpty();
    }

    /** Which of these users have a picture: one query for a page of users. */
    @Transactional(readOnly = true)
    public Set<UUID> withAvatars(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        String placeholders = String.join(",", Collections.nCopies(userIds.size(), "?"));
        return Set.copyOf(jdbc.query(
                "SELECT user_id FROM avatars WHERE user_id IN (" + placeholders + ")",
                (rs, row) -> UUID.fromString(rs.getString(1)),
                userIds.stream().map(UUID::toString).toArray()));
    }

    /** @return whether there was a picture to remove */
    @Transactional
    public boolean delete(UUID userId) {
        return jdbc.update("DELETE FROM avatars WHERE user_id = ?", userId.toString()) > 0;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
