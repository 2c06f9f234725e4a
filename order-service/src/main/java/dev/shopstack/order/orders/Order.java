package dev.shopstack.order.orders;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "orders")
public class Order {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID id;

    @Column(name = "user_id", nullable = false)
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID userId;

    @Column(name = "customer_email")
    private String customerEmail;

    @Embedded
    private ShippingAddress shippingAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @ElementCollection
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderItem> items = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "anonymized_at")
    private Instant anonymizedAt;

    @Embedded
    private CardPayment cardPayment;

    @Version
    private long version;

    protected Order() {}

    /** A new order, PENDING_PAYMENT; the total is the sum of the lines, all in one currency. */
    public Order(
            UUID id,
            UUID userId,
            String customerEmail,
            ShippingAddress shippingAddress,
            String currency,
            List<OrderItem> items,
            Instant now) {
        this.id = id;
        this.userId = userId;
        this.customerEmail = customerEmail;
        this.shippingAddress = shippingAddress;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.currency = currency;
        this.items = new ArrayList<>(items);
        this.total = Money.amount(items.stream().map(OrderItem::getLineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
        this.createdAt = now;
        this.updatedAt = createdAt;
        this.cardPayment = CardPayment.pending(now);
    }

    /** Moves along the status machine; anything else is a 409. Answers the previous status. */
    public OrderStatus moveTo(OrderStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw ApiProblem.of(
                    ProblemType.ILLEGAL_STATUS_TRANSITION,
                    "An order in status " + status + " cannot become " + next + ".");
        }
        OrderStatus previous = status;
        status = next;
        updatedAt = now;
        return previous;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public ShippingAddress getShippingAddress() {
        return shippingAddress;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public List<OrderItem> getItems() {
        return List.copyOf(items);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Null for orders placed before card payments existed. */
    public CardPayment getCardPayment() {
        return cardPayment;
    }

    public long getVersion() {
        return version;
    }
}
