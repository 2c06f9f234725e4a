package dev.shopstack.order.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RefundRepository extends JpaRepository<Refund, UUID> {

    List<Refund> findByOrderIdOrderByCreatedAtAscIdAsc(UUID orderId);

    /** Refunds the provider has not confirmed whose next attempt is due, oldest first. */
    @Query("""
            select r.id from Refund r where r.status = :status and r.nextAttemptAt <= :now order by r.nextAttemptAt
            """)
    List<UUID> findIdsDue(Refund.Status status, Instant now, Limit limit);
}
