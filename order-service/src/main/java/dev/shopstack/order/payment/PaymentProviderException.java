package dev.shopstack.order.payment;

/**
 * The provider did not do what was asked. {@link #retryable()}: it could not be reached, timed out, was rate
 * limited or failed on its side, so the same request may succeed later; otherwise it refused the request.
 */
public class PaymentProviderException extends RuntimeException {

    private final boolean retryable;

    public PaymentProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
