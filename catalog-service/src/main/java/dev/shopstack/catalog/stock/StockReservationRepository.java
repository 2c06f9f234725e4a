package dev.shopstack.catalog.stock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Status changes are conditional atomic updates (no SELECT ... FOR UPDATE, whose syntax differs between MySQL,
 * MariaDB and H2): the row lock the UPDATE takes makes concurrent confirm, release and expiry of one order take
 * turns, and only the one that changed the row (1) acts on the stock.
 */
public interface StockReservationRepository extends JpaRepository<StockReservation, UUID> {

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update StockReservation r set r.status = :to, r.updatedAt = :now, r.version = r.version + 1
            where r.orderId = :orderId and r.status in :from""")
    int changeStatus(UUID orderId, Collection<ReservationStatus> from, ReservationStatus to, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update StockReservation r
            set r.status = dev.shopstack.catalog.stock.ReservationStatus.EXPIRED, r.updatedAt = :now,
                r.version = r.version + 1
            where r.orderId = :orderId and r.status = dev.shopstack.catalog.stock.ReservationStatus.RESERVED
                and r.expiresAt <= :now""")
    int expireIfDue(UUID orderId, Instant now);

    @Query("""
            select r.orderId from StockReservation r
            where r.status = dev.shopstack.catalog.stock.ReservationStatus.RESERVED and r.expiresAt <= :now
            order by r.expiresAt""")
    List<UUID> findDue(Instant now, Limit limit);
}
