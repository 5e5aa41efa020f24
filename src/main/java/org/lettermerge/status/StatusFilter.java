package org.lettermerge.status;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lettermerge.followup.Responses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.RecipientListing;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;

/**
 * The rows status shows, chosen by its filters and handed over one at a time in queue order. Each filter is
 * answered by an index, not by reading every row: {@code --state} by the shown-state index; {@code --replied} and
 * {@code --bounced} by the mail recorded for the campaign (read first, and small: one entry per letter that got an
 * answer), whose rows are then read by id. {@code --no-reply} is most of the rows, read in order.
 */
public record StatusFilter(State state, boolean replied, boolean noReply, boolean bounced) {

    public void each(RecipientListing listing, CampaignRecord campaign, Map<Long, Responses> responses,
              Consumer<StoredRecipient> action) {
        Consumer<StoredRecipient> shown = r -> {
            if ((state == null || r.state() == state) && wanted(responses.getOrDefault(r.id(), Responses.NONE))) {
                action.accept(r);
            }
        };
        if (replied || bounced) {
            List<Long> answered = responses.entrySet().stream().filter(e -> wanted(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            listing.byIds(campaign, answered, shown);
        } else if (state != null) {
            listing.inState(campaign, state, shown);
        } else {
            listing.each(campaign, shown);
        }
    }

    /**
     * The shown rows that are in {@code only} (the table's UNKNOWN warning, printed above the rows), collected: few,
     * since each waits for the organizer's decision. None when --state asks for another state.
     */
    public List<StoredRecipient> collect(RecipientListing listing, CampaignRecord campaign, Map<Long, Responses> responses,
                                  State only) {
        if (state != null && state != only) {
            return List.of();
        }
        List<StoredRecipient> rows = new java.util.ArrayList<>();
        new StatusFilter(only, replied, noReply, bounced).each(listing, campaign, responses, rows::add);
        return rows;
    }

    /** What to say when no row passes: "no recipient is deferred" rather than a header over nothing. */
    public String nothingShown() {
        List<String> what = new java.util.ArrayList<>();
        if (state != null) {
            what.add(switch (state) {
                case QUEUED -> "is queued";
                case SENDING -> "is being sent";
                case ACCEPTED -> "has been accepted";
                case DEFERRED -> "is deferred";
                case FAILED -> "failed";
                case UNKNOWN -> "has an unknown outcome";
                case SKIPPED -> "was skipped";
            });
        }
        if (replied) {
            what.add("replied");
        }
        if (noReply) {
            what.add("is still without a reply");
        }
        if (bounced) {
            what.add("bounced");
        }
        return what.isEmpty() ? "No recipient in this campaign." : "No recipient " + String.join(" and ", what) + ".";
    }

    /** Whether the mail recorded for a letter passes --replied, --no-reply and --bounced. */
    public boolean wanted(Responses r) {
        return (!replied || r.replied()) && (!noReply || !r.replied()) && (!bounced || r.bounced());
    }
}
