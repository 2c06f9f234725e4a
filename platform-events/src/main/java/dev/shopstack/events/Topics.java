package dev.shopstack.events;

/** Kafka topics of the platform. Records are keyed by aggregate id so one aggregate's events stay in order. */
public final class Topics {

    public static final String USER_EVENTS = "user-events";
    public static final String ORDER_EVENTS = "order-events";
    /** Revoked sessions, read by every gateway and service instance (ADR 0008). */
    public static final String SESSION_REVOCATIONS = "session-revocations";

    private Topics() {}
}
