package org.lettermerge.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * Everything the shared report shows, read from the delivery log in one place: the counts by state (the same query
 * status uses), the answers per letter (the same {@link Responses} status uses), and the times letters were accepted
 * and replies came in, taken from the append-only history rather than from the rows' latest state.
 */
public record ReportData(String campaign, Instant queuedAt, Instant madeAt, Map<State, Integer> counts,
                         int replied, int autoReplied, int bounced, List<Row> rows, List<Instant> sends,
                         List<Instant> replies) {

    /** One recipient's line; {@code organization}, {@code acceptedAt} and {@code serverReply} may be null. */
    public record Row(String name, String organization, String email, State state, Instant acceptedAt,
                      String serverReply, Responses responses, boolean removed) {}

    public ReportData {
        counts = Map.copyOf(counts);
        rows = List.copyOf(rows);
        sends = List.copyOf(sends);
        replies = List.copyOf(replies);
    }

    public static ReportData gather(DeliveryLog log, CampaignRecord campaign, Instant now) {
        List<InboundMessage> inbound = log.inbox().answering(campaign);
        Map<Long, Responses> responses = Responses.byRecipient(inbound);
        Map<Long, Instant> accepted = new HashMap<>();
        List<Instant> sends = new ArrayList<>();
        for (Event e : log.history(campaign)) {
            if (e.kind() == EventKind.OUTCOME && e.toState() == State.ACCEPTED && e.recipientId() != null) {
                sends.add(e.at());
                accepted.put(e.recipientId(), e.at());
            }
        }
        // A person's first reply, as status counts it: two messages from one office are one office that replied.
        List<Instant> replies = responses.values().stream().filter(Responses::replied).map(Responses::repliedAt)
                .sorted().toList();
        List<Row> rows = new ArrayList<>();
        int replied = 0;
        int autoReplied = 0;
        int bounced = 0;
        for (StoredRecipient r : log.recipients(campaign)) {
            Responses answer = responses.getOrDefault(r.id(), Responses.NONE);
            replied += answer.replied() ? 1 : 0;
            autoReplied += answer.autoReplied() ? 1 : 0;
            bounced += answer.bounced() ? 1 : 0;
            rows.add(new Row(r.name(), r.fields() == null ? null : r.fields().get("organization"), r.email(),
                    r.state(), accepted.get(r.id()), r.smtpReply(), answer, r.isRemoved()));
        }
        return new ReportData(campaign.name(), campaign.createdAt(), now, log.counts(campaign), replied, autoReplied,
                bounced, rows, sends, replies);
    }
}
