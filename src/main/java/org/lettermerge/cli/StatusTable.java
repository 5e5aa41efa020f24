package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.BounceClass;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/** The human view of status: counts, a warning block for UNKNOWN letters, then one line per recipient. */
final class StatusTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private StatusTable() {}

    static void write(PrintWriter out, CampaignRecord campaign, CampaignStatus status, Map<State, Integer> counts,
                      List<StoredRecipient> rows, Map<Long, Responses> responses, String db) {
        out.println("Campaign " + campaign.name() + " (version " + campaign.version() + ", queued "
                + TIME.format(campaign.createdAt()) + ")");
        out.println("  " + status.state().toUpperCase() + (status.detail().isEmpty() ? "" : ": " + status.detail()));
        if (status.next() != null) {
            out.println("  next letter: " + TIME.format(status.next()));
        }
        StringBuilder line = new StringBuilder("  ");
        counts.forEach((s, n) -> line.append(s.name().toLowerCase()).append(' ').append(n).append("   "));
        out.println(line.toString().stripTrailing());
        List<StoredRecipient> unknown = rows.stream().filter(r -> r.state() == State.UNKNOWN).toList();
        if (!unknown.isEmpty()) {
            out.println();
            out.println("!! " + unknown.size() + " letter" + (unknown.size() == 1 ? " has" : "s have")
                    + " an UNKNOWN outcome: the connection was lost after the letter was handed to the server, which");
            out.println("!! may have it. Lettermerge will not send these again by itself; check with the recipient or the");
            out.println("!! server's logs (search for the Message-ID):");
            unknown.forEach(r -> out.println("!!   " + r.email() + "  " + r.messageId()));
        }
        out.println();
        // Email and name are fitted by Columns (wide characters take two cells); the rest is ASCII.
        String format = "%s %s %-9s %8s %5s  %-20s  %-16s  %s%n";
        out.printf(format, Columns.fit("EMAIL", 34), Columns.fit("NAME", 28), "STATE", "ATTEMPTS", "CODE",
                "LAST ATTEMPT", "ANSWER", "LAST REPLY / NEXT RETRY");
        for (StoredRecipient r : rows) {
            out.printf(format, Columns.fit(r.email(), 34), Columns.fit(r.name() == null ? "" : r.name(), 28),
                    r.state() + (r.isRemoved() ? "*" : ""), r.attempts(), r.smtpCode() == null ? "" : r.smtpCode(),
                    r.lastAttemptAt() == null ? "" : TIME.format(r.lastAttemptAt()).replace(" UTC", ""),
                    answer(responses.getOrDefault(r.id(), Responses.NONE)),
                    r.state() == State.SKIPPED ? "suppressed: " + r.skipReason()
                    : (r.smtpReply() == null ? "" : r.smtpReply()) + (r.state() == State.DEFERRED
                            && r.nextAttemptAt() != null ? "  (retry after " + TIME.format(r.nextAttemptAt()) + ")" : ""));
        }
        long unsubscribe = rows.stream()
                .filter(r -> responses.getOrDefault(r.id(), Responses.NONE).asksUnsubscribe()).count();
        if (unsubscribe > 0) {
            out.println("! " + unsubscribe + " asked to unsubscribe: nothing was done about it; review the replies and "
                    + "run `" + Hint.lettermerge("suppress", "add", "ADDRESS", "--reason", "...", "--db", db)
                    + "` for those who meant it");
        }
        if (rows.stream().anyMatch(StoredRecipient::isRemoved)) {
            out.println("* no longer in the recipients file: never sent while it is gone");
        }
    }

    /** What came back from the mailbox for this letter: replied (with the day), auto-reply, bounced (with its status). */
    private static String answer(Responses f) {
        java.util.List<String> parts = new java.util.ArrayList<>();
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
