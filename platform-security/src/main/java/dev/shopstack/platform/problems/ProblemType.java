package dev.shopstack.platform.problems;

import java.net.URI;

/**
 * The one catalogue of problem types every service and the gateway answer with (docs/errors.md describes each).
 * A problem's {@code type} is {@link #BASE} plus the slug; its status and title come from here, so a type means
 * the same thing wherever it appears. It lives in platform-security because both the servlet services (through
 * platform-starter) and the reactive gateway depend on it. Plain Java: domain code may name a type without
 * touching HTTP classes.
 */
public enum ProblemType {

    // generic answers, one per status: what the platform or the gateway answers when nothing more specific applies
    BAD_REQUEST("bad-request", 400, "Bad Request"),
    VALIDATION("validation", 400, "Validation failed"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not Found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    CONCURRENT_UPDATE("concurrent-update", 409, "Concurrent update"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition Failed"),
    CONTENT_TOO_LARGE("content-too-large", 413, "Content Too Large"),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable Content"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too Many Requests"),
    REQUEST_REJECTED("request-rejected", 400, "Request rejected"),
    INTERNAL_ERROR("internal-error", 500, "Internal Server Error"),
    BAD_GATEWAY("bad-gateway", 502, "Bad Gateway"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service Unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "Gateway Timeout"),
    BUSY("busy", 503, "Service busy"),

    // user-service
    ACCOUNT_EXISTS("account-exists", 409, "Account exists"),
    USERNAME_TAKEN("username-taken", 409, "Username taken"),
    EMAIL_TAKEN("email-taken", 409, "Email address taken"),
    INVALID_CREDENTIALS("invalid-credentials", 401, "Invalid credentials"),
    EMAIL_NOT_VERIFIED("email-not-verified", 403, "Email not verified"),
    SESSION_EXPIRED("session-expired", 401, "Session expired"),
    INVALID_REFRESH_TOKEN("invalid-refresh-token", 401, "Invalid refresh token"),
    INVALID_VERIFICATION_CODE("invalid-verification-code", 400, "Invalid verification code"),
    INVALID_RESET_TOKEN("invalid-reset-token", 400, "Invalid reset token"),
    OWN_ROLES("own-roles", 409, "Own roles"),
    NO_ROLES("no-roles", 400, "No roles"),
    LOCK_SELF("lock-self", 409, "Cannot lock yourself"),
    DELETE_SELF("delete-self", 409, "Cannot delete yourself here"),
    INVALID_IMAGE("invalid-image", 400, "Invalid image"),
    UNSUPPORTED_IMAGE("unsupported-image", 415, "Unsupported image"),
    AVATAR_TOO_LARGE("avatar-too-large", 413, "Avatar too large"),
    IMAGE_TOO_LARGE("image-too-large", 413, "Image too large"),
    AVATAR_BUSY("avatar-busy", 503, "Avatar processing busy"),

    // catalog-service
    CATEGORY_NOT_EMPTY("category-not-empty", 409, "Category not empty"),
    SLUG_TAKEN("slug-taken", 409, "Slug taken"),
    SKU_TAKEN("sku-taken", 409, "SKU taken"),
    PRODUCT_RESERVED("product-reserved", 409, "Product has reservations"),
    STALE_VERSION("stale-version", 412, "Stale version"),
    RESERVATION_MISMATCH("reservation-mismatch", 422, "Reservation mismatch"),
    RESERVATION_NOT_HELD("reservation-not-held", 409, "Reservation not held"),

    // order-service (OUT_OF_STOCK is also catalog-service's)
    OUT_OF_STOCK("out-of-stock", 409, "Out of stock"),
    PRODUCT_UNAVAILABLE("product-unavailable", 422, "Product unavailable"),
    ORDER_REJECTED("order-rejected", 422, "Order rejected"),
    RESERVATION_FAILED("reservation-failed", 409, "Reservation failed"),
    RESERVATION_GONE("reservation-gone", 409, "Reservation gone"),
    MIXED_CURRENCIES("mixed-currencies", 422, "Mixed currencies"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    TOO_MANY_UNPAID_ORDERS("too-many-unpaid-orders", 409, "Too many unpaid orders"),
    TOO_MANY_UNITS("too-many-units", 422, "Too many units"),
    ILLEGAL_STATUS_TRANSITION("illegal-status-transition", 409, "Illegal status transition"),
    PAYMENT_REQUIRED("payment-required", 409, "Payment required"),
    ORDER_STILL_OPEN("order-still-open", 409, "Order still open"),
    ORDER_CHANGED("order-changed", 409, "Order changed"),
    PAYMENT_METHOD_NOT_ALLOWED("payment-method-not-allowed", 403, "Payment method not allowed"),
    UNKNOWN_PAYMENT_METHOD("unknown-payment-method", 422, "Unknown payment method"),
    PAYMENT_REFERENCE_REQUIRED("payment-reference-required", 422, "Payment reference required"),
    PAYMENT_MISMATCH("payment-mismatch", 422, "Payment mismatch"),
    NOT_REFUNDABLE("not-refundable", 409, "Order not refundable"),
    REFUND_EXCEEDS_PAYMENT("refund-exceeds-payment", 409, "Refund exceeds payment"),
    INVALID_REFUND_AMOUNT("invalid-refund-amount", 422, "Invalid refund amount"),
    WEBHOOK_SIGNATURE_INVALID("webhook-signature-invalid", 400, "Invalid webhook signature"),
    WEBHOOK_ORDER_UNKNOWN("webhook-order-unknown", 503, "Order not known yet"),
    CATALOG_UNAVAILABLE("catalog-unavailable", 503, "Catalog unavailable");

    /** The prefix of every type URI. */
    public static final String BASE = "https://shopstack.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /**
     * The generic type of an answer nobody gave a more specific one: the framework's own 404, 405 or 415, the
     * container's rejections, the gateway's routing failures. Any other 4xx is {@link #REQUEST_REJECTED}, any
     * other 5xx {@link #INTERNAL_ERROR}.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> CONTENT_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 400 && status < 500 ? REQUEST_REJECTED : INTERNAL_ERROR;
        };
    }
}
