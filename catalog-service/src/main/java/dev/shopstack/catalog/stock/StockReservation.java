package dev.shopstack.catalog.stock;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stock one order holds. Its id is the order's id, so an order can never reserve twice. */
@Entity
@Table(name = "stock_reservations")
public class StockReservation {

    @Id
    @Column(name = "order_id")
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReservationStatus status;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** A wrapper type on purpose: null marks a new reservation, so saving it is an INSERT, never a merge. */
    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "stock_reservation_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("productId")
    private List<ReservationLine> lines = new ArrayList<>();

    protected StockReservation() {}

    StockReservation(UUID orderId, Instant now, Instant expiresAt) {
        this.orderId = orderId;
        this.status = ReservationStatus.RESERVED;
        this.expiresAt = expiresAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void addLine(ReservationLine line) {
        lines.add(line);
    }

    /** Quantity by product id, to tell a repeated request from a different one with the same order id. */
    Map<Long, Integer> quantities() {
        Map<Long, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.put(line.getProductId(), line.getQuantity()));
        return quantities;
    }

    public UUID getOrderId() {
        return orderId;
    }

    public ReservationStatus getStatus() {
        return status;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public List<ReservationLine> getLines() {
        return lines;
    }
}
