package dev.shopstack.notification.delivery;

import java.time.Instant;

/** A delivery log entry as admins see it. */
public record DeliveryView(
        long id,
        String eventId,
        String eventType,
        String recipient,
        DeliveryStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(
                d.getId(),
                d.getEventId(),
                d.getEventType(),
                d.getRecipient(),
                d.getStatus(),
                d.getAttempts(),
                d.getLastError(),
                d.getCreatedAt(),
                d.getUpdatedAt(),
                d.getSentAt());
    }
}
