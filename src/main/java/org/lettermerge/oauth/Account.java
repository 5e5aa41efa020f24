package org.lettermerge.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One signed-in account: the mailbox, at one provider (and tenant or token endpoint), through one registered
 * application. The token store keeps one refresh token per account, so two campaigns of the same account share
 * it, and a rotated token replaces the old one for both.
 */
public record Account(String username, Provider provider, String issuer, String clientId) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
    }

    public static Account of(String username, OAuthSettings settings) {
        return new Account(username.strip().toLowerCase(Locale.ROOT), settings.provider(), settings.issuer(),
                settings.clientId());
    }

    /** A file or keyring name that reveals nothing but is stable for the account. */
    public String storageKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    String.join("\n", username, provider.name(), issuer, clientId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** "organizer@example.org (microsoft)", for messages. */
    public String describe() {
        return username + " (" + provider.lowerName() + ")";
    }
}
