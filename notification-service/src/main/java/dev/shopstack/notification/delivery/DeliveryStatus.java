package dev.shopstack.notification.delivery;

public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED,
    SKIPPED
}
