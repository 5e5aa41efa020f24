package org.lettermerge.testsupport.mailworld;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages Dovecot stored in one Maildir, read straight from its files (new/ and cur/), oldest first, so a
 * test can look at what arrived without going through the IMAP code under test.
 */
final class Maildir {

    /** Dovecot's file names start with the delivery time: seconds, then ".M" and the microseconds. */
    private static final Pattern TIME = Pattern.compile("^(\\d+)\\.M(\\d+)P");
    private static final Session SESSION = Session.getInstance(new Properties());

    private Maildir() {}

    static List<MimeMessage> read(Path maildir) {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> s = Files.list(maildir.resolve(sub))) {
                s.filter(Files::isRegularFile).forEach(files::add);
            } catch (NoSuchFileException nothingYet) {
                // Dovecot creates the Maildir with the first delivery.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(Comparator.comparingLong((Path p) -> time(p, 1)).thenComparingLong(p -> time(p, 2))
                .thenComparing(p -> p.getFileName().toString()));
        List<MimeMessage> messages = new ArrayList<>();
        for (Path f : files) {
            try {
                messages.add(new MimeMessage(SESSION, new ByteArrayInputStream(Files.readAllBytes(f))));
            } catch (NoSuchFileException movedToCur) {
                // Read by IMAP meanwhile (new/ → cur/): the next poll sees it in cur/.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable message " + f + ": " + e.getMessage(), e);
            }
        }
        return messages;
    }

    private static long time(Path file, int group) {
        Matcher m = TIME.matcher(file.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(group)) : Long.MAX_VALUE;
    }
}
