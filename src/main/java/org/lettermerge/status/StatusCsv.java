package org.lettermerge.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.StoredRecipient;

/** Status as CSV that is safe to open in a spreadsheet. */
public final class StatusCsv {

    public static final String[] COLUMNS = {"email", "name", "state", "attempts", "smtp_code", "smtp_reply", "message_id",
            "last_attempt_at", "queued_at", "removed", "next_attempt_at", "skip_reason", "replied", "replied_at",
            "auto_reply", "bounced", "bounce_status", "asks_unsubscribe", "bounce_reason"};

    private StatusCsv() {}

    /** Without mail read from the mailbox: every follow-up column says no. */
    public static void write(PrintWriter out, List<StoredRecipient> rows) {
        write(out, rows, Map.of());
    }

    /** The follow-up columns come last, so scripts that read the earlier columns by position keep working. */
    public static void write(PrintWriter out, List<StoredRecipient> rows, Map<Long, Responses> responses) {
        Rows csv = open(out, responses);
        rows.forEach(csv::add);
        csv.flush();
    }

    /**
     * Starts with a UTF-8 byte order mark: Excel on Windows reads a CSV without one in the machine's legacy code page,
     * and "Élise" or an Arabic name would open as mojibake. Spreadsheets and Python's "utf-8-sig" drop it.
     */
    public static Rows open(PrintWriter out, Map<Long, Responses> responses) {
        out.print('\uFEFF');
        try {
            return new Rows(new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get()), responses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV written a row at a time, as the log hands rows over: the first row goes out before the last is read. */
    public static final class Rows {
        private final CSVPrinter csv;
        private final Map<Long, Responses> responses;

        private Rows(CSVPrinter csv, Map<Long, Responses> responses) {
            this.csv = csv;
            this.responses = responses;
        }

        public void add(StoredRecipient r) {
            Responses f = responses.getOrDefault(r.id(), Responses.NONE);
            try {
                csv.printRecord(safe(r.email()), safe(r.name()), r.state(), r.attempts(),
                        r.smtpCode() == null ? "" : r.smtpCode(), safe(r.smtpReply()), safe(r.messageId()),
                        r.lastAttemptAt() == null ? "" : r.lastAttemptAt(), r.queuedAt(), r.isRemoved(),
                        r.nextAttemptAt() == null ? "" : r.nextAttemptAt(), safe(r.skipReason()),
                        f.replied() ? "yes" : "no", f.repliedAt() == null ? "" : f.repliedAt(),
                        f.autoReplied() ? "yes" : "no", f.bounced() ? "yes" : "no", safe(f.bounceSummary()),
                        f.asksUnsubscribe() ? "yes" : "no", safe(f.bounceReason()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void flush() {
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) is prefixed
     * with an apostrophe: a recipient's name or a server's reply must never execute on an organizer's machine.
     */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
