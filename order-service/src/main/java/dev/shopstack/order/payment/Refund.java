package dev.shopstack.order.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One refund of an order's payment. A card refund is REQUESTED until the provider confirms it (SUCCEEDED) or
 * refuses it (FAILED, and its amount may be refunded again); a manual payment's refund is SUCCEEDED when recorded.
 */
@Entity
@Table(name = "refunds")
public class Refund {

    public enum Status {
        REQUESTED,
        SUCCEEDED,
        FAILED
    }

    private static final int MAX_FAILURE = 500;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The request that records a refund sends it itself; the job steps in only after that had its time. */
    static final Duration FIRST_ATTEMPT = Duration.ofSeconds(10);

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID id;

    @Column(name = "order_id", nullable = false)
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID orderId;

    @Column(nullable = false, length = 20)
    private String method;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, length = 200)
    private String reason;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(length = 100)
    private String reference;

    @Column(name = "provider_refund_id")
    private String providerRefundId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(length = MAX_FAILURE)
    private String failure;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Refund() {}

    private Refund(
            UUID orderId,
            String method,
            BigDecimal amount,
            String currency,
            String reason,
            String requestedBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.method = method;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.createdAt = now;
    }

    /** To be sent to the provider. */
    static Refund card(
            UUID orderId, BigDecimal amount, String currency, String reason, String requestedBy, Instant now) {
        Refund refund = new Refund(orderId, CardPaymentWebhooks.METHOD, amount, currency, reason, requestedBy, now);
        refund.status = Status.REQUESTED;
        refund.nextAttemptAt = now.plus(FIRST_ATTEMPT);
        return refund;
    }

    /** Money sent back outside the shop (a bank transfer): recorded as done, with its reference. */
    static Refund manual(
            UUID orderId,
            String method,
            BigDecimal amount,
            String currency,
            String reason,
            String requestedBy,
            String reference,
            Instant now) {
        Refund refund = new Refund(orderId, method, amount, currency, reason, requestedBy, now);
        refund.reference = reference;
        refund.status = Status.SUCCEEDED;
        refund.completedAt = now;
        return refund;
    }

    /** The provider could not be reached or did not finish it yet: ask again later, waiting longer each time. */
    void tryLater(String why, Instant now) {
        attempts++;
        nextAttemptAt =
                now.plus(Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 5L << Math.min(attempts - 1, 10))));
        failure = bounded(why);
    }

    void accepted(String providerRefundId) {
        this.providerRefundId = providerRefundId;
    }

    void succeeded(String providerRefundId, Instant now) {
        if (providerRefundId != null) {
            this.providerRefundId = providerRefundId;
        }
        status = Status.SUCCEEDED;
        failure = null;
        nextAttemptAt = null;
        completedAt = now;
    }

    void failed(String why, Instant now) {
        status = Status.FAILED;
        failure = bounded(why);
        nextAttemptAt = null;
        completedAt = now;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE);
    }

    /** Provider messages (ids, raw errors) are for admins; a customer sees the status. */
    RefundView view(boolean admin) {
        return new RefundView(
                id,
                amount,
                currency,
                reason,
                status.name(),
                method,
                createdAt,
                completedAt,
                admin && status != Status.SUCCEEDED ? failure : null,
                admin ? requestedBy : null,
                admin ? reference : null,
                admin ? providerRefundId : null);
    }

    public UUID getId() {
        return id;
    }

    public UUID getOrderId() {
        return orderId;
    }

    public String getMethod() {
        return method;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReason() {
        return reason;
    }

    public String getProviderRefundId() {
        return providerRefundId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
