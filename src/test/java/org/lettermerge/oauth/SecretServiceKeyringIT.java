package org.lettermerge.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.oauth.PrivateKeyring;

/**
 * Refresh tokens in a desktop keyring (the Secret Service, here GNOME Keyring on a private D-Bus session): kept,
 * replaced when rotated, one entry per account, forgotten on logout, and never written in clear to a file.
 */
class SecretServiceKeyringIT {

    @TempDir
    static Path home;
    private static PrivateKeyring keyring;

    private final OAuthSettings google = OAuthSettings.known(Provider.GOOGLE, "id.apps", null, null, List.of());
    private final Account letters = Account.of("letters@example.org", google);
    private final Account other = Account.of("other@example.org", google);

    @BeforeAll
    static void startKeyring() {
        // Fails, never skips, without them (as RealMailIT does without Postfix): .ci/run installs them.
        assertTrue(PrivateKeyring.installed(), "secret-tool, gnome-keyring-daemon, dbus-daemon and gdbus are needed: "
                + "apt-get install --no-install-recommends libsecret-tools gnome-keyring dbus-daemon libglib2.0-bin");
        keyring = PrivateKeyring.start(home);
    }

    @AfterAll
    static void stopKeyring() throws InterruptedException {
        if (keyring != null) {
            keyring.close();
        }
    }

    @Test
    void theKeyringKeepsReplacesAndForgetsEachAccountsRefreshToken() throws Exception {
        SecretServiceKeyring store = new SecretServiceKeyring(keyring.environment());
        assertThat(SecretServiceKeyring.available(keyring.environment())).isTrue();

        store.save(letters, new StoredGrant("rt-in-the-keyring-1", Instant.parse("2026-12-03T09:00:00Z"), null));
        store.save(other, new StoredGrant("rt-other-account", Instant.parse("2026-12-03T09:00:00Z"), null));
        store.save(letters, new StoredGrant("rt-in-the-keyring-2", Instant.parse("2026-12-03T10:00:00Z"), null));

        assertThat(store.read(letters)).hasValueSatisfying(g -> {
            assertThat(g.refreshToken()).isEqualTo("rt-in-the-keyring-2");
            assertThat(g.confirmedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        });
        assertThat(store.read(other).orElseThrow().refreshToken()).isEqualTo("rt-other-account");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text.contains("rt-in-the-keyring")).as("a token in clear in " + f.getFileName()).isFalse();
            }
        }

        assertThat(store.forget(letters)).isTrue();
        assertThat(store.read(letters)).isEmpty();
        assertThat(store.forget(letters)).isFalse();
        assertThat(store.read(other)).isPresent();
    }
}
