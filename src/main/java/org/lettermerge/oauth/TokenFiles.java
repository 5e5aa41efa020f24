package org.lettermerge.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens in files only the user can read: one JSON file per account in {@code folder} (mode 0700), each
 * 0600, written to a temporary file first and moved into place, so a crash leaves the old token or the new one,
 * never half of either. Errors never quote a file's content.
 */
public final class TokenFiles implements TokenStore {

    private static final ObjectMapper JSON = new ObjectMapper();
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
            JsonNode node = JSON.readTree(file.toFile());
            String token = node.path("refresh_token").asText(null);
            if (token == null || token.isBlank() || !node.hasNonNull("confirmed_at")) {
                return Optional.empty();
            }
            return Optional.of(new StoredGrant(token, Instant.parse(node.get("confirmed_at").asText()),
                    node.hasNonNull("expires_at") ? Instant.parse(node.get("expires_at").asText()) : null));
        } catch (IOException | RuntimeException e) {
            // Not chained: a parser's message quotes the text it choked on, which may be the token.
            throw new UncheckedIOException("the token file " + file + " cannot be read; `lettermerge logout` removes it",
                    new IOException(e.getClass().getSimpleName()));
        }
    }

    @Override
    public void save(Account account, StoredGrant grant) {
        ObjectNode node = JSON.createObjectNode();
        node.put("account", account.username());
        node.put("provider", account.provider().lowerName());
        node.put("client_id", account.clientId());
        node.put("issuer", account.issuer());
        node.put("refresh_token", grant.refreshToken());
        node.put("confirmed_at", grant.confirmedAt().toString());
        node.put("expires_at", grant.expiresAt() == null ? null : grant.expiresAt().toString());
        Path file = fileOf(account);
        try {
            createPrivateFolder();
            Path temporary = Files.createTempFile(folder, ".token-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
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
            throw new UncheckedIOException("cannot write the token file in " + folder + ": " + e.getClass().getSimpleName(), e);
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
