package dev.shopstack.notification;

/**
 * A record that can never be turned into an email, however often it is retried: not a CloudEvents JSON
 * envelope, or a payload without what the email needs. It goes to the dead-letter topic at once.
 * The message names what is wrong, never a payload value: payloads carry OTPs and reset links.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
