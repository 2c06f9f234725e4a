package dev.shopstack.events;

/** The CloudEvents {@code type} values the platform publishes. See docs/events.md for each payload. */
public final class EventTypes {

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_EMAIL_VERIFICATION_REQUESTED = "user.email-verification-requested";
    public static final String USER_PASSWORD_RESET_REQUESTED = "user.password-reset-requested";
    public static final String USER_PASSWORD_CHANGED = "user.password-changed";
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_SESSIONS_REVOKED = "user.sessions-revoked";
    public static final String USER_EMAIL_CHANGE_REQUESTED = "user.email-change-requested";
    public static final String USER_ACCOUNT_LOCKED = "user.account-locked";

    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_STATUS_CHANGED = "order.status-changed";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_PAYMENT_FAILED = "order.payment-failed";
    public static final String ORDER_REFUNDED = "order.refunded";

    private EventTypes() {}
}
