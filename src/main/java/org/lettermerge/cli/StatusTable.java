package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.status.StatusFilter;
import org.lettermerge.store.BounceClass;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The human view of status: counts, a warning block for UNKNOWN letters, then one line per recipient, written as the
 * log hands the rows over. No pass over the rows is needed before the first line: every column has a fixed width
 * (the name is cut to its width by {@link Columns}; an address is never cut: a longer one gets a line of its own and
 * its row goes on, aligned, below it; a longer value in another column pushes the rest of its own line right), the UNKNOWN block comes from its own indexed query, and the notes under the table are
 * counted while the rows go by.
 */
final class StatusTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** The email column's width; a longer address is printed whole, on a line of its own. */
    private static final int EMAIL = 34;

    private StatusTable() {}

    /** Prints everything above the rows; {@code unknown} are the shown rows in UNKNOWN. */
    static Rows open(PrintWriter out, CampaignRecord campaign, CampaignStatus status, Map<State, Integer> counts,
                     List<StoredRecipient> unknown, Map<Long, Responses> responses, String db, TableWidth width) {
        out.println("Campaign " + campaign.name() + " (version " + campaign.version() + ", queued "
                + TIME.format(campaign.createdAt()) + ")");
        out.println("  " + status.state().toUpperCase() + (status.detail().isEmpty() ? "" : ": " + status.detail()));
        if (status.next() != null) {
            out.println("  next letter: " + TIME.format(status.next()));
        }
        StringBuilder line = new StringBuilder("  ");
        counts.forEach((s, n) -> line.append(s.name().toLowerCase()).append(' ').append(n).append("   "));
        out.println(line.toString().stripTrailing());
        if (!unknown.isEmpty()) {
            out.println();
            out.println("!! " + unknown.size() + " letter" + (unknown.size() == 1 ? " has" : "s have")
                    + " an UNKNOWN outcome: the connection was lost after the letter was handed to the server, which");
            out.println("!! may have it. Lettermerge will not send these again by itself; check with the recipient or the");
            out.println("!! server's logs (search for the Message-ID):");
            unknown.forEach(r -> out.println("!!   " + r.email() + "  " + r.messageId()));
        }
        out.println();
        return new Rows(out, responses, db, width);
    }

    /** The table's lines, one per row handed over, then the notes about what was seen. */
    static final class Rows {
        private final PrintWriter out;
        private final Map<Long, Responses> responses;
        private final String db;
        private final TableWidth width;
        private final StringBuilder line = new StringBuilder(200);
        private long asksUnsubscribe;
        private long shown;
        private boolean anyRemoved;

        private Rows(PrintWriter out, Map<Long, Responses> responses, String db, TableWidth width) {
            this.out = out;
            this.width = width;
            this.responses = responses;
            this.db = db;
        }

        void add(StoredRecipient r) {
            Responses f = responses.getOrDefault(r.id(), Responses.NONE);
            asksUnsubscribe += f.asksUnsubscribe() ? 1 : 0;
            anyRemoved |= r.isRemoved();
            if (shown++ == 0) {
                // The header waits for the first row: a filter nothing passes says so instead (see finish).
                line(Columns.fit("EMAIL", EMAIL), Columns.fit("NAME", width.name()), "STATE", "ATTEMPTS", "CODE",
                        "LAST ATTEMPT", "ANSWER", "LAST REPLY / NEXT RETRY");
            }
            String email = r.email();
            if (Columns.cells(email) > EMAIL) {
                out.append(email).append(System.lineSeparator());
                email = "";
            }
            line(Columns.fit(email, EMAIL), Columns.fit(r.name() == null ? "" : r.name(), width.name()),
                    r.state() + (r.isRemoved() ? "*" : ""), Integer.toString(r.attempts()),
                    r.smtpCode() == null ? "" : r.smtpCode().toString(),
                    r.lastAttemptAt() == null ? "" : TIME.format(r.lastAttemptAt()).replace(" UTC", ""), answer(f),
                    r.state() == State.SKIPPED ? "suppressed: " + r.skipReason()
                    : (r.smtpReply() == null ? "" : r.smtpReply()) + (r.state() == State.DEFERRED
                            && r.nextAttemptAt() != null ? "  (retry after " + TIME.format(r.nextAttemptAt()) + ")" : ""));
        }

        /** @param filter what was asked for, to say so when nothing matched */
        void finish(StatusFilter filter) {
            if (shown == 0) {
                out.println(filter.nothingShown());
            }
            if (asksUnsubscribe > 0) {
                out.println("! " + asksUnsubscribe + " asked to unsubscribe: nothing was done about it; review the "
                        + "replies and run `" + Hint.lettermerge("suppress", "add", "ADDRESS", "--reason", "...", "--db", db)
                        + "` for those who meant it");
            }
            if (anyRemoved) {
                out.println("* no longer in the recipients file: never sent while it is gone");
            }
        }

        /**
         * The layout "%s %s %-9s %8s %5s  %-20s  %-16s  %s%n", padded by hand rather than by printf, which would
         * parse its format again for each of 100,000 rows.
         */
        private void line(String email, String name, String state, String attempts, String code, String lastAttempt,
                          String answer, String reply) {
            line.setLength(0);
            line.append(email).append(' ').append(name).append(' ');
            left(state, 9).append(' ');
            if (width.attemptsAndCode()) {
                right(attempts, 8).append(' ');
                right(code, 5).append("  ");
            } else {
                line.append(' ');
            }
            if (width.lastAttempt()) {
                left(lastAttempt, 20).append("  ");
            }
            left(answer, 16).append("  ").append(reply).append(System.lineSeparator());
            out.append(line);
        }

        private StringBuilder left(String s, int width) {
            line.append(s);
            return pad(width - s.length());
        }

        private StringBuilder right(String s, int width) {
            pad(width - s.length());
            return line.append(s);
        }

        private StringBuilder pad(int n) {
            for (int i = 0; i < n; i++) {
                line.append(' ');
            }
            return line;
        }
    }

    /** What came back from the mailbox for this letter: replied (with the day), auto-reply, bounced (with its status). */
    private static String answer(Responses f) {
        if (!f.replied() && !f.autoReplied() && !f.bounced() && !f.asksUnsubscribe()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (f.replied()) {
            parts.add("replied " + DAY.format(f.repliedAt()));
        } else if (f.autoReplied()) {
            parts.add("auto-reply");
        }
        if (f.bounced()) {
            parts.add(BounceClass.describe(f.bounceStatus()));
        }
        if (f.asksUnsubscribe()) {
            parts.add("asks to unsubscribe!");
        }
        return String.join(", ", parts);
    }
}
