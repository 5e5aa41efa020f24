package org.lettermerge.problems;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about the input, with where it is: a file and line, or a file and key.
 * Checks collect these instead of throwing, so a user sees every problem at once.
 */
public record Problem(Severity severity, String where, String message) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String where, String message) {
        return new Problem(Severity.ERROR, where, message);
    }

    public static Problem warning(String where, String message) {
        return new Problem(Severity.WARNING, where, message);
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A time as messages print it: to the second, zone named ("2026-12-04 01:23:04 UTC"), never nanoseconds. */
    public static String moment(Instant t) {
        return MOMENT.format(t);
    }

    /** "config/recipients.csv:7" — the form editors and terminals turn into links. */
    public static String at(Path file, int line) {
        return line > 0 ? display(file) + ":" + line : display(file);
    }

    /** A path as the user would type it: relative to the working directory when it lies below it. */
    public static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return where + ": " + (isError() ? "" : "warning: ") + message;
    }
}
