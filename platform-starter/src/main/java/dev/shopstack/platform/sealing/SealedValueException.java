package dev.shopstack.platform.sealing;

/** A sealed value that does not open. The message says why, never what the value was. */
public class SealedValueException extends RuntimeException {

    public SealedValueException(String message) {
        super(message);
    }
}
