package dev.shopstack.user.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Spends a token; 0 rows means someone else spent it first (a concurrent reuse). */
    @Modifying
    @Query("update RefreshToken t set t.usedAt = :now where t.id = :id and t.usedAt is null and t.revokedAt is null")
    int spend(@Param("id") Long id, @Param("now") Instant now);

    /** The user's sessions that issued an access token after {@code since}: those may hold a live one. */
    @Query("select distinct t.familyId from RefreshToken t where t.userId = :user and t.createdAt > :since")
    List<UUID> sessionsIssuingSince(@Param("user") UUID user, @Param("since") Instant since);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
    int revokeFamily(@Param("family") UUID family, @Param("now") Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.userId = :user and t.revokedAt is null")
    int revokeAllOfUser(@Param("user") UUID user, @Param("now") Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now "
            + "where t.userId = :user and t.familyId <> :keep and t.revokedAt is null")
    int revokeAllOfUserExcept(@Param("user") UUID user, @Param("keep") UUID keep, @Param("now") Instant now);
}
