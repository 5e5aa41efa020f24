package org.lettermerge.smtp;

import java.util.Arrays;
import java.util.Objects;
import org.lettermerge.oauth.AccessTokens;

/**
 * How a connection signs in, when it does: a password, or (SASL XOAUTH2) an access token from the account's OAuth
 * sign-in, asked for at each login so that every new connection gets one that is valid for a while yet.
 * Never printed: neither record's toString shows a secret.
 */
public sealed interface Credentials {

    /** A password, or null for no login. The array is the caller's: clients copy it. */
    static Credentials password(char[] passwordOrNull) {
        return passwordOrNull == null ? null : new Password(passwordOrNull);
    }

    record Password(char[] value) implements Credentials {
        public Password {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Password[***]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Password p && Arrays.equals(value, p.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }

    record OAuth2(AccessTokens tokens) implements Credentials {
        public OAuth2 {
            Objects.requireNonNull(tokens, "tokens");
        }

        @Override
        public String toString() {
            return "OAuth2[" + tokens.username() + "]";
        }
    }
}
