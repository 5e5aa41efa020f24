package org.lettermerge.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.State;

/**
 * What the shared report shows above its recipients' table, small whatever the campaign's size: the counts by state
 * (the same query status uses), how many letters got a reply, an automatic reply or a bounce (the same
 * {@link Responses} status uses), and the chart's buckets, from the times letters were accepted (taken from the
 * append-only history rather than from the rows' latest state) and replies came in. The rows follow, one at a time
 * ({@link CampaignReport}).
 */
public record ReportData(String campaign, String title, Instant queuedAt, Instant madeAt, Map<State, Integer> counts,
                         int replied, int autoReplied, int bounced, Buckets buckets) {

    /** One recipient's line; {@code organization}, {@code acceptedAt} and {@code serverReply} may be null. */
    public record Row(String name, String organization, String email, State state, Instant acceptedAt,
                      String serverReply, Responses responses, boolean removed) {}

    public ReportData {
        counts = Map.copyOf(counts);
    }

    /**
     * The letter's subject as a title: merged values differ from letter to letter, so each {{…}} shows as "…"
     * ("A letter for {{name}}" → "A letter for …").
     */
    public static String titleOf(String subjectTemplate) {
        return subjectTemplate.replaceAll("\\{\\{\\{?[^}]*}}}?", "…").strip();
    }

    /**
     * @param title            what partners know the letter by: its subject ({@link #titleOf})
     * @param responses        what came back, by the campaign's row id
     * @param acceptedPerMinute letters accepted per minute, by the minute's start
     * @param zone              the zone the chart's hours and days are in
     */
    public static ReportData of(CampaignRecord campaign, String title, Instant now, Map<State, Integer> counts,
                                Map<Long, Responses> responses, NavigableMap<Instant, Integer> acceptedPerMinute,
                                ZoneId zone) {
        int replied = 0;
        int autoReplied = 0;
        int bounced = 0;
        for (Responses answer : responses.values()) {
            replied += answer.replied() ? 1 : 0;
            autoReplied += answer.autoReplied() ? 1 : 0;
            bounced += answer.bounced() ? 1 : 0;
        }
        // A person's first reply, as status counts it: two messages from one office are one office that replied.
        List<Instant> replies = responses.values().stream().filter(Responses::replied).map(Responses::repliedAt)
                .toList();
        return new ReportData(campaign.name(), title, campaign.createdAt(), now, counts, replied, autoReplied, bounced,
                Buckets.ofMinutes(acceptedPerMinute, Buckets.perMinute(replies), zone));
    }
}
