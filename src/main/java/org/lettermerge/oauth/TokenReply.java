package org.lettermerge.oauth;

import java.time.Duration;

/** A token endpoint's answer (RFC 6749 5.1 and 5.2). The records' toString never shows a token. */
public sealed interface TokenReply {

    /**
     * @param refreshToken null when the server kept the old one (no rotation)
     * @param refreshTokenLifetime null when the server did not say (Microsoft and Google do not)
     */
    record Granted(String accessToken, String refreshToken, Duration expiresIn, Duration refreshTokenLifetime)
            implements TokenReply {
        @Override
        public String toString() {
            return "Granted[expiresIn=" + expiresIn + ", rotated=" + (refreshToken != null) + "]";
        }
    }

    /** An OAuth error code ({@code invalid_grant}, {@code authorization_pending}, ...) and the server's description. */
    record Refused(int status, String error, String description) implements TokenReply {
        public String describe() {
            return error + (description == null || description.isBlank() ? "" : ": " + description.strip());
        }
    }
}
