package org.lettermerge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lettermerge.status.StatusCsv;
import org.lettermerge.store.Suppressions;

/** The suppression list and its history as a table or as spreadsheet-safe CSV (cells as in {@link StatusCsv#safe}). */
final class SuppressionOutput {

    static final String[] LIST_COLUMNS = {"email", "reason", "source", "added_at", "added_by"};
    static final String[] HISTORY_COLUMNS = {"at", "action", "email", "reason", "source", "by"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private SuppressionOutput() {}

    static void list(PrintWriter out, List<Suppressions.Entry> entries, boolean csv) {
        if (csv) {
            csvRows(out, LIST_COLUMNS, entries.stream().map(e -> new Object[] {StatusCsv.safe(e.email()),
                    StatusCsv.safe(e.reason()), source(e.source()), e.addedAt(), StatusCsv.safe(e.addedBy())}).toList());
            return;
        }
        out.println(entries.size() + " suppressed address" + (entries.size() == 1 ? "" : "es")
                + (entries.isEmpty() ? "" : " (times in UTC):"));
        String format = "  %-34s %-7s %-19s %-12s %s%n";
        if (!entries.isEmpty()) {
            out.printf(format, "EMAIL", "SOURCE", "ADDED", "BY", "REASON");
        }
        entries.forEach(e -> out.printf(format, e.email(), source(e.source()), TIME.format(e.addedAt()), e.addedBy(),
                e.reason()));
    }

    static void history(PrintWriter out, List<Suppressions.Change> changes, boolean csv) {
        if (csv) {
            csvRows(out, HISTORY_COLUMNS, changes.stream().map(c -> new Object[] {c.at(), c.action(),
                    StatusCsv.safe(c.email()), StatusCsv.safe(c.reason()), source(c.source()),
                    StatusCsv.safe(c.actor())}).toList());
            return;
        }
        out.println(changes.size() + " change" + (changes.size() == 1 ? "" : "s") + " to the suppression list"
                + (changes.isEmpty() ? "" : " (times in UTC):"));
        changes.forEach(c -> out.printf("  %s  %-7s %s by %s (%s): %s%n", TIME.format(c.at()), c.action(), c.email(),
                c.actor(), source(c.source()), c.reason()));
    }

    private static String source(Suppressions.Source source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    private static void csvRows(PrintWriter out, String[] columns, List<Object[]> rows) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns).get());
            for (Object[] row : rows) {
                csv.printRecord(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
