package org.lettermerge.followup;

import java.util.List;
import java.util.Map;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;

/**
 * What one reading of the mailbox found.
 *
 * @param mailbox  the folder and server read
 * @param recorded messages recorded by this reading, oldest first
 * @param counts   how many of each kind this reading recorded
 * @param known    messages already recorded by an earlier reading (recorded nothing)
 * @param moved    messages moved to move_to
 */
public record InboxReport(String mailbox, List<InboundMessage> recorded, Map<InboundKind, Integer> counts, int known,
                          int moved) {

    public InboxReport {
        recorded = List.copyOf(recorded);
        counts = Map.copyOf(counts);
    }

    /** Messages recorded by this reading that ask to unsubscribe (flagged, not acted on). */
    public List<InboundMessage> unsubscribeRequests() {
        return recorded.stream().filter(InboundMessage::asksUnsubscribe).toList();
    }

    public int count(InboundKind kind) {
        return counts.getOrDefault(kind, 0);
    }
}
