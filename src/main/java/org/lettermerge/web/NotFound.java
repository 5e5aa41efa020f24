package org.lettermerge.web;

/** A page or an action asked for something that is not there: 404 with this message, never a stack trace. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
