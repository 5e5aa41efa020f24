package org.lettermerge.store;

/**
 * The delivery log cannot be opened, read or written. Nothing more may be sent: a letter whose outcome
 * cannot be recorded is a letter the log cannot prove.
 */
public final class DeliveryLogException extends RuntimeException {
    public DeliveryLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeliveryLogException(String message) {
        super(message);
    }
}
