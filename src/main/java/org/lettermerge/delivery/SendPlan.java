package org.lettermerge.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.campaign.RecipientRows;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.recipients.RecipientsCsv;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.store.Suppressions;

/**
 * Who a live send would write to now, and who it would skip and why: duplicates in the CSV, letters the log
 * shows as already accepted, failed or of unknown outcome, addresses on the suppression list. Computed without
 * writing anything. The letters to send are counted, not kept: {@link #toSend()} reads them again from the file.
 */
public final class SendPlan {

    public record Skip(String email, int line, String reason) {}

    private final RecipientRows rows;
    private final Map<String, StoredRecipient> byKey;
    private final Map<String, Suppressions.Entry> suppressed;
    private final List<Skip> skipped = new ArrayList<>();
    private int count;

    private SendPlan(RecipientRows rows, Map<String, StoredRecipient> byKey,
                     Map<String, Suppressions.Entry> suppressed) {
        this.rows = rows;
        this.byKey = byKey;
        this.suppressed = suppressed;
    }

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
        SendPlan plan = new SendPlan(p.recipients(), byKey, suppressed);
        for (RecipientsCsv.Duplicate d : p.recipients().duplicates()) {
            Recipient r = d.recipient();
            plan.skipped.add(new Skip(r.email(), r.line(), "duplicate of line " + d.firstLine()));
        }
        Set<String> inCsv = new HashSet<>();
        for (Recipient r : p.recipients().reread()) {
            inCsv.add(r.key());
            String reason = plan.reasonToSkip(r);
            if (reason == null) {
                plan.count++;
            } else {
                plan.skipped.add(new Skip(r.email(), r.line(), reason));
            }
        }
        byKey.values().stream().filter(r -> r.state().isSendable() && !r.isRemoved() && !inCsv.contains(r.emailKey()))
                .forEach(r -> plan.skipped.add(new Skip(r.email(), 0, "no longer in the recipients file")));
        return plan;
    }

    /** How many letters would be sent. */
    public int count() {
        return count;
    }

    /** The letters to send, in file order, read again from the recipients file each time this is iterated. */
    public Iterable<Recipient> toSend() {
        return () -> StreamSupport.stream(rows.reread().spliterator(), false)
                .filter(r -> reasonToSkip(r) == null).iterator();
    }

    public List<Skip> skipped() {
        return List.copyOf(skipped);
    }

    private String reasonToSkip(Recipient r) {
        StoredRecipient row = byKey.get(r.key());
        Suppressions.Entry optOut = suppressed.get(r.key());
        return optOut != null ? "on the suppression list: " + optOut.reason()
                : row == null ? null : switch (row.state()) {
            case QUEUED, DEFERRED -> null;
            case ACCEPTED -> "already accepted by the server on " + row.lastAttemptAt();
            case FAILED -> "failed permanently: " + row.smtpReply();
            case UNKNOWN -> "outcome unknown (the server may have it): check before sending again";
            case SENDING -> "being sent by another run";
            case SKIPPED -> "on the suppression list: " + row.skipReason();
        };
    }
}
