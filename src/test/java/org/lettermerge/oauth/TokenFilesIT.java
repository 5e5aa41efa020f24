package org.lettermerge.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh tokens on disk: readable by the user alone, replaced whole, one file per account. */
class TokenFilesIT {

    @TempDir
    Path config;

    private final OAuthSettings microsoft = OAuthSettings.known(Provider.MICROSOFT, "client", null, null, List.of());
    private final Account letters = Account.of("letters@example.org", microsoft);
    private final Account other = Account.of("other@example.org", microsoft);

    @Test
    void aSavedTokenIsInAFileOnlyTheUserCanReadInAFolderOnlyTheUserCanOpen() throws IOException {
        TokenFiles store = new TokenFiles(config.resolve("lettermerge/tokens"));
        store.save(letters, new StoredGrant("rt-1", Instant.parse("2026-12-03T09:00:00Z"), null));

        Path file = store.fileOf(letters);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(store.read(letters)).hasValueSatisfying(g -> {
            assertThat(g.refreshToken()).isEqualTo("rt-1");
            assertThat(g.confirmedAt()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        });
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aRotatedTokenReplacesTheOldOneAndOtherAccountsKeepTheirs() {
        TokenFiles store = new TokenFiles(config.resolve("tokens"));
        store.save(letters, new StoredGrant("rt-old", Instant.EPOCH, null));
        store.save(other, new StoredGrant("rt-other", Instant.EPOCH, null));
        store.save(letters, new StoredGrant("rt-new", Instant.EPOCH.plusSeconds(60), Instant.EPOCH.plusSeconds(3600)));

        assertThat(store.read(letters).orElseThrow().refreshToken()).isEqualTo("rt-new");
        assertThat(store.read(letters).orElseThrow().expiresAt()).isEqualTo(Instant.EPOCH.plusSeconds(3600));
        assertThat(store.read(other).orElseThrow().refreshToken()).isEqualTo("rt-other");
        assertThat(store.forget(letters)).isTrue();
        assertThat(store.read(letters)).isEmpty();
        assertThat(store.forget(letters)).isFalse();
        assertThat(store.read(other)).isPresent();
    }

    @Test
    void anUnreadableFileIsReportedWithoutQuotingIt() throws IOException {
        TokenFiles store = new TokenFiles(config.resolve("tokens"));
        Files.createDirectories(store.fileOf(letters).getParent());
        Files.writeString(store.fileOf(letters), "{\"refresh_token\": rt-unquoted-secret");

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> store.read(letters));
        assertThat(t).hasMessageContaining("logout");
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain("rt-unquoted-secret");
        }
    }
}
