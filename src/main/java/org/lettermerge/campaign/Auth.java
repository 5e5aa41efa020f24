package org.lettermerge.campaign;

import java.util.Locale;

/** How a server is signed in to: {@code smtp.auth} and {@code mailbox.auth}. */
public enum Auth {
    /** A password from the variable password_env names, or a prompt: as before OAuth. */
    PASSWORD,
    /** SASL XOAUTH2 with an access token from the campaign's {@code oauth} sign-in. */
    OAUTH2;

    static Auth parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "password" -> PASSWORD;
            case "oauth2", "oauth", "xoauth2" -> OAUTH2;
            default -> throw new IllegalArgumentException("'" + text + "' is not a way to sign in: choose password or oauth2");
        };
    }
}
