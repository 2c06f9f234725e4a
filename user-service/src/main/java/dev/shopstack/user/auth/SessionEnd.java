package dev.shopstack.user.auth;

/** Why sessions end: the {@code reason} of {@code user.sessions-revoked}, for logs and audits. */
public enum SessionEnd {
    LOGOUT("logout"),
    LOGOUT_ALL("logout-all"),
    PASSWORD_CHANGED("password-changed"),
    PASSWORD_RESET("password-reset"),
    LOCKED("locked"),
    ROLES_CHANGED("roles-changed"),
    DELETED("deleted"),
    REFRESH_TOKEN_REUSE("refresh-token-reuse");

    private final String reason;

    SessionEnd(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
