package dev.shopstack.user.reset;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, Long> {

    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    /** A newer request makes every older, unused token of the user worthless. */
    @Modifying
    @Query("update PasswordResetToken t set t.usedAt = :now where t.userId = :user and t.usedAt is null")
    int invalidateAllOfUser(@Param("user") UUID user, @Param("now") Instant now);
}
