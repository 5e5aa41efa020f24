package org.lettermerge.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * What the token store keeps for an account: the refresh token, when it was last issued or confirmed, and how long
 * the server said it lasts (null when it said nothing: Microsoft and Google do not).
 * {@link #toString()} never shows the token.
 */
public record StoredGrant(String refreshToken, Instant confirmedAt, Instant expiresAt) {

    public StoredGrant {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (refreshToken.isBlank()) {
            throw new IllegalArgumentException("an empty refresh token");
        }
    }

    @Override
    public String toString() {
        return "StoredGrant[confirmedAt=" + confirmedAt + ", expiresAt=" + expiresAt + "]";
    }
}
