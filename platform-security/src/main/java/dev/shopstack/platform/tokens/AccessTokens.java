package dev.shopstack.platform.tokens;

/** What an access token of the platform looks like (ADR 0008): the issuer signs it so, every checker expects it. */
public final class AccessTokens {

    /** The {@code aud} every access token carries and every resource server requires. */
    public static final String AUDIENCE = "shopstack-api";
    /** The JOSE header {@code typ} of an access token (RFC 9068). */
    public static final String TYPE = "at+jwt";
    /** The session (refresh-token family) the token belongs to; revocation works per session. */
    public static final String SESSION_CLAIM = "sid";
    /** Role names without the {@code ROLE_} prefix. */
    public static final String ROLES_CLAIM = "roles";

    public static final String EMAIL_CLAIM = "email";

    private AccessTokens() {}
}
