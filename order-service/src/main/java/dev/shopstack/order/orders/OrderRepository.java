package dev.shopstack.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<Order, UUID> {

    /** Every filter is optional (null matches all). */
    @Query("""
            select o from Order o
            where (:userId is null or o.userId = :userId)
              and (:status is null or o.status = :status)
              and (:from is null or o.createdAt >= :from)
              and (:to is null or o.createdAt < :to)
            """)
    Page<Order> search(UUID userId, OrderStatus status, Instant from, Instant to, Pageable pageable);

    /** A customer's orders in a status (index ix_orders_user_created covers the customer). */
    long countByUserIdAndStatus(UUID userId, OrderStatus status);

    /**
     * Oldest first, for the payment-window job (index ix_orders_status_created). A card payment under review with
     * an intent may hold money: an admin decides about it, so the window leaves it out (and it cannot crowd out the
     * batch).
     */
    @Query("""
            select o.id from Order o where o.status = :status and o.createdAt < :cutoff
            and (o.cardPayment.state is null or o.cardPayment.state <> dev.shopstack.order.orders.CardPayment.State.REVIEW
                 or o.cardPayment.intentId is null)
            order by o.createdAt""")
    List<UUID> findIdsByStatusAndCreatedAtBefore(OrderStatus status, Instant cutoff, Limit limit);

    /** Orders whose card payment the provider still has to create, oldest retry first. */
    @Query("""
            select o.id from Order o
            where o.status = :status and o.cardPayment.state = :state and o.cardPayment.nextAttemptAt <= :now
            order by o.cardPayment.nextAttemptAt
            """)
    List<UUID> findIdsWithIntentDue(OrderStatus status, CardPayment.State state, Instant now, Limit limit);

    Optional<Order> findByCardPaymentIntentId(String intentId);

    /** The intents of orders still waiting for the customer's card, oldest order first (reconciliation). */
    @Query("""
            select o.cardPayment.intentId from Order o
            where o.status = :status and o.cardPayment.state in :states and o.cardPayment.intentId is not null
              and o.createdAt < :cutoff
            order by o.createdAt
            """)
    List<String> findIntentIdsAwaitingCard(
            OrderStatus status, List<CardPayment.State> states, Instant cutoff, Limit limit);

    /** Keeps the order history but erases the customer's personal data; a second run changes nothing. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Order o set o.customerEmail = null, o.shippingAddress.name = null,
                o.shippingAddress.line1 = null, o.shippingAddress.line2 = null, o.shippingAddress.postalCode = null,
                o.shippingAddress.city = null, o.shippingAddress.country = null, o.anonymizedAt = :now,
                o.version = o.version + 1
            where o.userId = :userId and o.anonymizedAt is null
            """)
    int anonymize(UUID userId, Instant now);
}
