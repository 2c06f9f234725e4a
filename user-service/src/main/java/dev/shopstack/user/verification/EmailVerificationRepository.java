package dev.shopstack.user.verification;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmailVerificationRepository extends JpaRepository<EmailVerification, UUID> {

    /** Live codes sent to this address: usually one (several accounts may be waiting to move to it). */
    List<EmailVerification> findTop5ByEmail(String email);

    /** One more guess, counted atomically before the code is compared; the row stays locked until commit. */
    @Modifying
    @Query("update EmailVerification v set v.attempts = v.attempts + 1 where v.userId = :user")
    int countGuess(@Param("user") UUID user);

    /** Read after {@link #countGuess} in the same transaction: this guess's own number. */
    @Query("select v.attempts from EmailVerification v where v.userId = :user")
    int attempts(@Param("user") UUID user);
}
