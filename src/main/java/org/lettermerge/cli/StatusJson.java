package org.lettermerge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/** Status as JSON, for scripts. */
final class StatusJson {

    private StatusJson() {}

    static void write(PrintWriter out, CampaignRecord campaign, CampaignStatus status, Map<State, Integer> counts,
                      List<StoredRecipient> rows, Map<Long, Responses> responses,
                      List<FollowupsView.Summary> followups, Map<Long, List<Map<String, Object>>> reminders) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("campaign", campaign.name());
        doc.put("version", campaign.version());
        doc.put("state", status.state());
        doc.put("detail", status.detail());
        doc.put("next_letter_at", status.next() == null ? null : status.next().toString());
        Map<String, Integer> byState = new LinkedHashMap<>();
        counts.forEach((s, n) -> byState.put(s.name().toLowerCase(), n));
        doc.put("counts", byState);
        doc.put("followups", followups.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("campaign", f.name());
            m.put("who", f.who());
            m.put("state", f.status().state());
            m.put("counts", f.byState());
            return m;
        }).toList());
        doc.put("recipients", rows.stream().map(r -> {
            Map<String, Object> m = row(r, responses.getOrDefault(r.id(), Responses.NONE));
            // The recipient's history across campaigns: this letter (and its reply, above), then its reminders.
            m.put("reminders", reminders.getOrDefault(r.id(), List.of()));
            return m;
        }).toList());
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(StoredRecipient r, Responses f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", r.email());
        m.put("name", r.name());
        m.put("state", r.state().name());
        m.put("attempts", r.attempts());
        m.put("smtp_code", r.smtpCode());
        m.put("smtp_reply", r.smtpReply());
        m.put("message_id", r.messageId());
        m.put("last_attempt_at", r.lastAttemptAt() == null ? null : r.lastAttemptAt().toString());
        m.put("queued_at", r.queuedAt().toString());
        m.put("next_attempt_at", r.nextAttemptAt() == null ? null : r.nextAttemptAt().toString());
        m.put("removed", r.isRemoved());
        m.put("skip_reason", r.skipReason());
        m.put("replied", f.replied());
        m.put("replied_at", f.repliedAt() == null ? null : f.repliedAt().toString());
        m.put("auto_reply", f.autoReplied());
        m.put("bounced", f.bounced());
        // The status code, or the reason when the report gave none (a Sieve rejection notice): never blank for a bounce.
        m.put("bounce_status", f.bounceSummary());
        m.put("asks_unsubscribe", f.asksUnsubscribe());
        m.put("bounce_reason", f.bounceReason());
        return m;
    }
}
