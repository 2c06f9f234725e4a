package dev.shopstack.order.payment;

/** A webhook whose signature is missing, wrong or too old, or whose body is not an event. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
