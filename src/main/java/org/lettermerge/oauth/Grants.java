package org.lettermerge.oauth;

import java.time.Instant;

/** What a new grant means for the store. */
final class Grants {

    private Grants() {}

    /** When the refresh token stops working, if the server said; null when it did not. */
    static Instant expiry(TokenReply.Granted granted, Instant now) {
        return granted.refreshTokenLifetime() == null ? null : now.plus(granted.refreshTokenLifetime());
    }

    /** The grant to store after a login; a login that brings no refresh token cannot be kept. */
    static StoredGrant stored(TokenReply.Granted granted, Instant now, Provider provider) {
        if (granted.refreshToken() == null) {
            throw new SignInException("the server signed you in but gave no refresh token, so the sign-in would end "
                    + "within the hour: " + (provider == Provider.MICROSOFT ? "keep offline_access in oauth.scopes"
                    : provider == Provider.GOOGLE ? "remove the app's access at myaccount.google.com/permissions and "
                    + "sign in again" : "allow the refresh_token grant for this client on the authorization server"));
        }
        return new StoredGrant(granted.refreshToken(), now, expiry(granted, now));
    }
}
