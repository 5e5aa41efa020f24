package org.lettermerge.oauth;

/**
 * Signing in could not be completed or confirmed: the browser or the user gave up, the server refused, or its answer
 * could not be read. The message says what happened and what to do; it never holds a token, a code or a secret.
 */
public class SignInException extends RuntimeException {

    public SignInException(String message) {
        super(message);
    }
}
