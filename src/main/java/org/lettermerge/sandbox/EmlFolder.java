package org.lettermerge.sandbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** A folder of received messages, one .eml file each, named so that they sort in arrival order. */
final class EmlFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;
    private final String runStamp = STAMP.format(LocalDateTime.now());
    private final AtomicInteger written = new AtomicInteger();

    private EmlFolder(Path path) {
        this.path = path;
    }

    static EmlFolder create(Path path) {
        try {
            Files.createDirectories(path);
            return new EmlFolder(path.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sandbox folder " + path, e);
        }
    }

    void write(MimeMessage message, String recipient) {
        int n = written.incrementAndGet();
        String safe = recipient.replaceAll("[^A-Za-z0-9@._-]", "_");
        Path file = path.resolve(String.format("%s-%04d-%s.eml", runStamp, n, safe));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot keep the sandbox message as " + file + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    int written() {
        return written.get();
    }
}
