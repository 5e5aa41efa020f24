package org.lettermerge.status;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * Status as JSON, for scripts. Written as the rows are read: the document's head, then each recipient as the log
 * hands it over, then the closing brackets, with the same indentation a whole-document write gave.
 */
public final class StatusJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {}

    /** Writes everything before the recipients and opens their array. */
    public static Rows open(PrintWriter out, CampaignRecord campaign, CampaignStatus status, Map<State, Integer> counts,
                     Map<Long, Responses> responses, List<FollowupsView.Summary> followups,
                     FollowupsView.Reminders reminders) {
        try {
            JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("campaign", campaign.name());
            json.writeNumberField("version", campaign.version());
            json.writeStringField("state", status.state());
            json.writeStringField("detail", status.detail());
            json.writeStringField("next_letter_at", status.next() == null ? null : status.next().toString());
            Map<String, Integer> byState = new LinkedHashMap<>();
            counts.forEach((s, n) -> byState.put(s.name().toLowerCase(), n));
            json.writeObjectField("counts", byState);
            json.writeObjectField("followups", followups.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("campaign", f.name());
                m.put("who", f.who());
                m.put("state", f.status().state());
                m.put("counts", f.byState());
                return m;
            }).toList());
            json.writeArrayFieldStart("recipients");
            return new Rows(out, json, responses, reminders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recipients' array, one element per row handed over. */
    public static final class Rows {
        private final PrintWriter out;
        private final JsonGenerator json;
        private final Map<Long, Responses> responses;
        private final FollowupsView.Reminders reminders;

        private Rows(PrintWriter out, JsonGenerator json, Map<Long, Responses> responses,
                     FollowupsView.Reminders reminders) {
            this.out = out;
            this.json = json;
            this.responses = responses;
            this.reminders = reminders;
        }

        public void add(StoredRecipient r) {
            Map<String, Object> m = row(r, responses.getOrDefault(r.id(), Responses.NONE));
            // The recipient's history across campaigns: this letter (and its reply, above), then its reminders.
            m.put("reminders", reminders.of(r.id()));
            try {
                json.writeObject(m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void finish() {
            try {
                json.writeEndArray();
                json.writeEndObject();
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
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
