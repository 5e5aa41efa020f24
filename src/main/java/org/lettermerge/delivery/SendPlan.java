package org.lettermerge.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.store.Suppressions;

/**
 * Who a live send would write to now, and who it would skip and why: duplicates in the CSV, letters the log
 * shows as already accepted, failed or of unknown outcome, addresses on the suppression list. Computed without
 * writing anything.
 */
public record SendPlan(List<Recipient> toSend, List<Skip> skipped) {

    public record Skip(String email, int line, String reason) {}

    /** @param stored the rows the log holds for this campaign (empty when it was never queued) */
    public static SendPlan of(PreparedCampaign p, List<StoredRecipient> stored) {
        return of(p, stored, Map.of());
    }

    /**
     * @param suppressed the log's suppression list by lowercased address: an address on it is skipped even when
     *                   it is new in the CSV (queuing would mark it SKIPPED)
     */
    public static SendPlan of(PreparedCampaign p, List<StoredRecipient> stored,
                              Map<String, Suppressions.Entry> suppressed) {
        Map<String, StoredRecipient> byKey = new HashMap<>();
        stored.forEach(r -> byKey.put(r.emailKey(), r));
        List<Recipient> toSend = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        p.recipients().recipients().forEach(r -> firstLine.putIfAbsent(r.key(), r.line()));
        for (Recipient d : p.recipients().duplicates()) {
            skipped.add(new Skip(d.email(), d.line(), "duplicate of line " + firstLine.get(d.key())));
        }
        for (Recipient r : p.recipients().recipients()) {
            StoredRecipient row = byKey.remove(r.key());
            Suppressions.Entry optOut = suppressed.get(r.key());
            String reason = optOut != null ? "on the suppression list: " + optOut.reason()
                    : row == null ? null : switch (row.state()) {
                case QUEUED, DEFERRED -> null;
                case ACCEPTED -> "already accepted by the server on " + row.lastAttemptAt();
                case FAILED -> "failed permanently: " + row.smtpReply();
                case UNKNOWN -> "outcome unknown (the server may have it): check before sending again";
                case SENDING -> "being sent by another run";
                case SKIPPED -> "on the suppression list: " + row.skipReason();
            };
            if (reason == null) {
                toSend.add(r);
            } else {
                skipped.add(new Skip(r.email(), r.line(), reason));
            }
        }
        byKey.values().stream().filter(r -> r.state().isSendable() && !r.isRemoved())
                .forEach(r -> skipped.add(new Skip(r.email(), 0, "no longer in the recipients file")));
        return new SendPlan(toSend, skipped);
    }
}
