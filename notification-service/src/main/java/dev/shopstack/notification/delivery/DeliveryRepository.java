package dev.shopstack.notification.delivery;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    Optional<Delivery> findByEventId(String eventId);

    /** The admin log; a null filter matches everything. Recipients compare case-insensitively. */
    @Query("""
            select d from Delivery d
            where (:status is null or d.status = :status)
              and (:type is null or d.eventType = :type)
              and (:recipient is null or lower(d.recipient) = lower(:recipient))
            """)
    Page<Delivery> search(
            @Param("status") DeliveryStatus status,
            @Param("type") String type,
            @Param("recipient") String recipient,
            Pageable pageable);
}
