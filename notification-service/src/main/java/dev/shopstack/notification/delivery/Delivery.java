package dev.shopstack.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of what became of one consumed event. */
@Entity
@Table(name = "deliveries")
public class Delivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true, length = 64)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(length = 254)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Delivery() {}

    public Delivery(String eventId, String eventType, String recipient, Instant now) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.recipient = recipient;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** One more try at sending: PENDING until it is known to have worked or failed. */
    void startAttempt(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts++;
        updatedAt = now;
    }

    void sent(Instant now) {
        status = DeliveryStatus.SENT;
        lastError = null;
        updatedAt = now;
        sentAt = updatedAt;
    }

    void failed(String error, Instant now) {
        status = DeliveryStatus.FAILED;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        updatedAt = now;
    }

    /** Sent, or deliberately not sent: either way a redelivered event must not send (again). */
    boolean isDone() {
        return status == DeliveryStatus.SENT || status == DeliveryStatus.SKIPPED;
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getRecipient() {
        return recipient;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
