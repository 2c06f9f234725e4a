package dev.shopstack.order.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The one payment of an order (unique per order, which makes recording it idempotent). */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID orderId;

    @Column(nullable = false, length = 20)
    private String method;

    @Column(nullable = false, length = 100)
    private String reference;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Payment() {}

    Payment(UUID orderId, String method, String reference, BigDecimal amount, String currency, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.method = method;
        this.reference = reference;
        this.amount = amount;
        this.currency = currency;
        this.createdAt = createdAt;
    }

    boolean matches(PaymentRequest request) {
        return amount.compareTo(request.amount()) == 0 && currency.equals(request.currency());
    }

    boolean matchesReference(String method, String reference) {
        return this.method.equals(method) && this.reference.equals(reference);
    }

    PaymentView view() {
        return new PaymentView(id, orderId, method, reference, amount, currency, createdAt);
    }
}
