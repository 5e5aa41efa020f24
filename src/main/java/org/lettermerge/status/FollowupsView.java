package org.lettermerge.status;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Followups;
import org.lettermerge.store.StoredRecipient;

/**
 * A campaign's follow-ups as status shows them under it (name, whom for, state, counts), and each recipient's
 * reminders for the JSON history (the letter's row, then its reminders; replies are on the letter's row).
 */
public final class FollowupsView {

    /** One follow-up of the campaign shown. */
    public record Summary(String name, String who, CampaignStatus status, String counts, Map<String, Integer> byState) {}

    private FollowupsView() {}

    public static List<Summary> of(DeliveryLog log, CampaignRecord parent, Instant now) {
        List<Summary> all = new ArrayList<>();
        List<Followups.Followup> followups = log.followups().ofParent(parent);
        Map<Long, CampaignRecord> campaigns = followups.isEmpty() ? Map.of() : byId(log);
        for (Followups.Followup f : followups) {
            CampaignRecord c = campaigns.get(f.campaignId());
            var counts = log.counts(c);
            Map<String, Integer> byState = new LinkedHashMap<>();
            counts.forEach((s, n) -> byState.put(s.name().toLowerCase(), n));
            all.add(new Summary(c.name(), f.who().stored(), CampaignStatus.of(log, c, counts, now),
                    Totals.line(counts), byState));
        }
        return all;
    }

    /** The log's campaigns by id, read once: a follow-up names its campaign by id. */
    private static Map<Long, CampaignRecord> byId(DeliveryLog log) {
        Map<Long, CampaignRecord> campaigns = new HashMap<>();
        log.control().all().forEach(c -> campaigns.put(c.id(), c));
        return campaigns;
    }

    public static void print(PrintWriter out, List<Summary> followups) {
        if (followups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Follow-ups:");
        followups.forEach(f -> out.println("  " + f.name() + " (" + f.who() + "): " + f.status().state().toUpperCase()
                + (f.status().detail().isEmpty() ? "" : " — " + f.status().detail()) + "; " + f.counts()));
    }

    /**
     * The reminders of a shown row, for JSON: campaign, state, Message-ID, when, why skipped, and whether the
     * recipient answered the reminder itself (such a reply is matched to the reminder, not to the letter). Asked row
     * by row as the JSON is written; a campaign without follow-ups asks the log nothing.
     */
    public static final class Reminders {
        private final DeliveryLog log;
        private final boolean any;
        private final Map<Long, Responses> responses = new HashMap<>();

        public Reminders(DeliveryLog log, CampaignRecord parent) {
            this.log = log;
            List<Followups.Followup> followups = log.followups().ofParent(parent);
            this.any = !followups.isEmpty();
            Map<Long, CampaignRecord> campaigns = any ? byId(log) : Map.of();
            for (Followups.Followup f : followups) {
                CampaignRecord c = campaigns.get(f.campaignId());
                if (c != null) {
                    responses.putAll(Responses.byRecipient(log.inbox().ofCampaign(c)));
                }
            }
        }

        public List<Map<String, Object>> of(long rowId) {
            if (!any) {
                return List.of();
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (Followups.Reminder reminder : log.followups().remindersOf(rowId)) {
                StoredRecipient row = reminder.row();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("campaign", reminder.campaign());
                m.put("state", row.state().name());
                m.put("message_id", row.messageId());
                m.put("last_attempt_at", row.lastAttemptAt() == null ? null : row.lastAttemptAt().toString());
                m.put("skip_reason", row.skipReason());
                Responses answer = responses.getOrDefault(row.id(), Responses.NONE);
                m.put("replied", answer.replied());
                m.put("replied_at", answer.repliedAt() == null ? null : answer.repliedAt().toString());
                list.add(m);
            }
            return list;
        }
    }
}
