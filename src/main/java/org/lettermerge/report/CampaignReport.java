package org.lettermerge.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;

/**
 * Writes a campaign's report while reading its log: the summary first (counts, answers, the chart: each a small
 * read), then every recipient's line as the log hands the row over. Nothing grows with the number of recipients
 * but the answers recorded from the mailbox, one entry per letter that got one.
 */
public final class CampaignReport {

    private CampaignReport() {}

    /**
     * The report's chart of letters accepted and replies over time, as inline SVG (every label escaped), or null
     * before anything was accepted or answered: the dashboard shows the same chart the report does, in the
     * organizer's {@code zone} (the report's is UTC, for readers anywhere).
     */
    public static String chart(DeliveryLog log, CampaignRecord campaign, Instant now, ZoneId zone) {
        Map<Long, Responses> responses = Responses.byRecipient(log.inbox().answering(campaign));
        ReportData data = ReportData.of(campaign, "", now, Map.of(), responses, log.listing().acceptedPerMinute(campaign),
                zone);
        return data.buckets().all().isEmpty() ? null : SvgChart.of(data.buckets());
    }

    /** @param subject the campaign file's subject, the report's title; returns how many recipients' lines were written */
    public static int write(DeliveryLog log, CampaignRecord campaign, String subject, Instant now, Path out) {
        Map<Long, Responses> responses = Responses.byRecipient(log.inbox().answering(campaign));
        ReportData summary = ReportData.of(campaign, ReportData.titleOf(subject), now, log.counts(campaign), responses,
                log.listing().acceptedPerMinute(campaign), ZoneOffset.UTC);
        // Written beside the target and moved over it when whole: a failure halfway through the rows leaves no
        // half a report where the last good one was.
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            int rows;
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                HtmlReport.Page page = HtmlReport.open(w, summary);
                log.listing().eachWithAcceptedAt(campaign, (r, acceptedAt) -> page.add(new ReportData.Row(r.name(),
                        r.fields() == null ? null : r.fields().get("organization"), r.email(), r.state(), acceptedAt,
                        r.smtpReply(), responses.getOrDefault(r.id(), Responses.NONE), r.isRemoved())));
                rows = page.close();
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            return rows;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("cannot write the report to " + out, (IOException) e);
        }
    }
}
