package dev.shopstack.web.api;

/** The session's tokens are gone (refresh refused, or never signed in): the person must sign in again. */
public class SignedOutException extends RuntimeException {

    public SignedOutException(String message) {
        super(message, null, false, false);
    }
}
