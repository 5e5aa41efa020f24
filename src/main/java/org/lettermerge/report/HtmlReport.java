package org.lettermerge.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.BounceClass;
import org.lettermerge.store.State;

/**
 * The report as one self-contained HTML file for coalition partners: no external stylesheet, script, font or image,
 * so it opens the same from an attachment, offline, or printed. Every value from the log goes through
 * {@link Html#escape}; the markup is also well-formed XML, which lets a test parse it strictly.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            .made { color: #444; margin-top: 0; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            th { background: #eee; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .chart text { font-size: 11px; fill: #111; }
            .chart .axis { stroke: #111; stroke-width: 1; }
            .chart .sends, .chart .key-sends { fill: #1f4e79; }
            .chart .replies, .chart .key-replies { fill: #e69f00; }
            @media print { body { margin: 0; } tr { page-break-inside: avoid; } th { background: none; } }
            """;

    private HtmlReport() {}

    /** Writes everything above the recipients' rows and opens their table. */
    static Page open(Writer w, ReportData data) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(Html.escape(data.title() + ": delivery report")).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Html.escape(data.title())).append("</h1>\n");
        h.append("<p class=\"made\">Campaign ").append(Html.escape(data.campaign())).append(". Queued ").append(TIME.format(data.queuedAt())).append(". Report made ")
                .append(TIME.format(data.madeAt())).append(".</p>\n");
        totals(h, data);
        h.append("<h2>Letters accepted and replies over time</h2>\n");
        if (data.buckets().all().isEmpty()) {
            h.append("<p>No letter has been accepted and no reply received yet.</p>\n");
        } else {
            h.append(SvgChart.of(data.buckets()));
        }
        h.append("<h2>Recipients</h2>\n<table class=\"recipients\">\n<thead><tr><th>Name</th><th>Organization</th>"
                + "<th>Email</th><th>Where the letter is</th><th>Accepted</th><th>Replied</th><th>Bounced</th>"
                + "<th>Details (the mail server's reply)</th></tr></thead>\n<tbody>\n");
        Page page = new Page(w);
        page.write(h);
        return page;
    }

    /** The recipients' table, a row at a time, then the end of the page. */
    static final class Page {
        private final Writer w;
        private final StringBuilder h = new StringBuilder(512);
        private int rows;

        private Page(Writer w) {
            this.w = w;
        }

        void add(ReportData.Row r) {
            Responses a = r.responses();
            h.setLength(0);
            h.append("<tr>");
            cell(h, "name", r.name());
            cell(h, "organization", r.organization());
            cell(h, "email", r.email());
            cell(h, "state", words(r.state()) + (r.removed() ? " (no longer in the list)" : ""));
            cell(h, "accepted", time(r.acceptedAt()));
            cell(h, "replied", a.replied() ? "yes, " + time(a.repliedAt()) : a.autoReplied() ? "auto-reply only" : "no");
            cell(h, "bounced", a.bounced() ? "yes " + bounce(a) : "no");
            cell(h, "reply", r.serverReply());
            h.append("</tr>\n");
            write(h);
            rows++;
        }

        /** Ends the table and the page; returns how many rows it holds. */
        int close() {
            write(new StringBuilder("</tbody>\n</table>\n</body>\n</html>\n"));
            return rows;
        }

        private void write(StringBuilder text) {
            try {
                w.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void totals(StringBuilder h, ReportData data) {
        h.append("<h2>Totals</h2>\n<table class=\"totals\">\n<tr>");
        List<String> names = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (State s : State.values()) {
            names.add(s.name().toLowerCase());
            values.add(data.counts().getOrDefault(s, 0));
        }
        names.addAll(List.of("replied", "auto-reply", "bounced"));
        values.addAll(List.of(data.replied(), data.autoReplied(), data.bounced()));
        names.forEach(n -> h.append("<th>").append(n).append("</th>"));
        h.append("</tr>\n<tr>");
        for (int i = 0; i < names.size(); i++) {
            h.append("<td class=\"n\" data-total=\"").append(names.get(i)).append("\">").append(values.get(i))
                    .append("</td>");
        }
        h.append("</tr>\n</table>\n");
    }

    /** A letter's state as a partner reads it, without SMTP: the raw reply stays in the details column. */
    static String words(State state) {
        return switch (state) {
            case QUEUED -> "waiting to be sent";
            case SENDING -> "being sent";
            case ACCEPTED -> "accepted by the mail server";
            case DEFERRED -> "delayed by the mail server: will be tried again";
            case FAILED -> "refused by the mail server: not delivered";
            case UNKNOWN -> "unknown: may have reached the server, being checked";
            case SKIPPED -> "not sent: asked not to be written to";
        };
    }

    /** "5.1.1", "5.2.2 (mailbox full)", "4.4.7 (not delivered: the server gave up)", or a rejection's reason. */
    private static String bounce(Responses a) {
        if (a.bounceStatus() == null) {
            return a.bounceReason() == null ? "(no status given)" : "(" + a.bounceReason() + ")";
        }
        return switch (BounceClass.of(a.bounceStatus())) {
            case MAILBOX_FULL -> a.bounceStatus() + " (mailbox full)";
            case NOT_DELIVERED -> a.bounceStatus() + " (not delivered: the server gave up)";
            default -> a.bounceStatus();
        };
    }

    private static void cell(StringBuilder h, String kind, String value) {
        h.append("<td class=\"").append(kind).append("\">").append(Html.escape(value)).append("</td>");
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
