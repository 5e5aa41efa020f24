package org.lettermerge.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.lettermerge.problems.OutputNotWrittenException;

/**
 * Refresh tokens in files only the user can read: one JSON file per account in {@code folder} (mode 0700), each
 * 0600, written to a temporary file first and moved into place, so a crash leaves the old token or the new one,
 * never half of either. Errors never quote a file's content.
 */
public final class TokenFiles implements TokenStore {

    private final Path folder;

    public TokenFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** {@code $XDG_CONFIG_HOME/lettermerge/tokens}, or {@code ~/.config/lettermerge/tokens}. */
    public static Path defaultFolder() {
        String override = System.getProperty("lettermerge.config.home");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = override != null ? Path.of(override)
                : xdg != null && !xdg.isBlank() ? Path.of(xdg).resolve("lettermerge")
                : Path.of(System.getProperty("user.home"), ".config", "lettermerge");
        return config.resolve("tokens");
    }

    public Path fileOf(Account account) {
        return folder.resolve(account.storageKey() + ".json");
    }

    @Override
    public Optional<StoredGrant> read(Account account) {
        Path file = fileOf(account);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return GrantJson.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + file + " cannot be read; `lettermerge logout` removes it",
                    new IOException(e.getMessage()));
        }
    }

    @Override
    public void save(Account account, StoredGrant grant) {
        Path file = fileOf(account);
        try {
            createPrivateFolder();
            Path temporary = Files.createTempFile(folder, ".token-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, GrantJson.write(account, grant));
                try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file in " + folder + ": "
                    + OutputNotWrittenException.why(folder.resolve("token"), e), e);
        }
    }

    @Override
    public boolean forget(Account account) {
        try {
            return Files.deleteIfExists(fileOf(account));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the token file " + fileOf(account), e);
        }
    }

    @Override
    public String where() {
        return folder.toString();
    }

    private void createPrivateFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: fine
        }
    }
}
