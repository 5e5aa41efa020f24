package org.lettermerge.web;

/** A form asked for something that cannot be done as given (an address that is not one): 400 with this message. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message);
    }
}
