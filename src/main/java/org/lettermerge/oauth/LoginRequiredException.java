package org.lettermerge.oauth;

/**
 * The account must sign in again before anything can be sent or read: it never signed in, the refresh token was
 * revoked or expired (invalid_grant), or the server refused a freshly refreshed access token. A campaign that
 * meets this is paused with its unsent letters queued; the message ends with the `lettermerge login` to run.
 */
public final class LoginRequiredException extends SignInException {

    public LoginRequiredException(String message) {
        super(message);
    }
}
