package org.lettermerge.oauth;

import java.util.Locale;
import java.util.Map;

/**
 * Which token store this machine uses: the keyring where one can be reached, else files in the user's config
 * folder. {@code LETTERMERGE_TOKEN_STORE=file} or {@code keyring} decides instead; the tests' config folder
 * (the {@code lettermerge.config.home} property) always means files, so a test never touches a real keyring.
 */
public final class TokenStores {

    private TokenStores() {}

    public static TokenStore forThisUser() {
        String choice = System.getenv("LETTERMERGE_TOKEN_STORE");
        boolean testFolder = System.getProperty("lettermerge.config.home") != null;
        if (!testFolder && choice != null && choice.strip().toLowerCase(Locale.ROOT).equals("keyring")) {
            return new SecretServiceKeyring(Map.of());
        }
        if (!testFolder && choice == null && SecretServiceKeyring.available(Map.of())) {
            return new SecretServiceKeyring(Map.of());
        }
        return new TokenFiles(TokenFiles.defaultFolder());
    }
}
