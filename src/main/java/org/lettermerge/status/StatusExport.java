package org.lettermerge.status;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;

/**
 * A campaign's status as a file for scripts and spreadsheets, streamed row by row as the log hands rows over: what
 * {@code lettermerge status --format csv|json} prints and what the dashboard offers as a download, made by one code.
 */
public final class StatusExport {

    private StatusExport() {}

    /** Spreadsheet-safe CSV; nothing is read before the first row but the mail recorded for the campaign. */
    public static void csv(DeliveryLog log, CampaignRecord campaign, StatusFilter filter, PrintWriter out) {
        Map<Long, Responses> responses = Responses.byRecipient(log.inbox().answering(campaign));
        StatusCsv.Rows csv = StatusCsv.open(out, responses);
        filter.each(log.listing(), campaign, responses, csv::add);
        csv.flush();
    }

    /** JSON: the campaign's state, counts and follow-ups, then each recipient with its reminders. */
    public static void json(DeliveryLog log, CampaignRecord campaign, StatusFilter filter, Instant now,
                            PrintWriter out) {
        Map<Long, Responses> responses = Responses.byRecipient(log.inbox().answering(campaign));
        Map<State, Integer> counts = log.counts(campaign);
        StatusJson.Rows json = StatusJson.open(out, campaign, CampaignStatus.of(log, campaign, counts, now), counts,
                responses, FollowupsView.of(log, campaign, now), new FollowupsView.Reminders(log, campaign));
        filter.each(log.listing(), campaign, responses, json::add);
        json.finish();
    }
}
