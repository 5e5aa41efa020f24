package org.lettermerge.store;

import java.util.List;
import java.util.Map;

/**
 * What queuing a campaign writes to the log in one transaction: a new accepted version (or none), rows
 * added, rows whose data changed or that came back into the CSV, rows that left it.
 */
public record QueueChanges(CampaignVersion newVersion, String campaignFile, List<NewRecipient> added,
                           List<RowUpdate> updated, List<StoredRecipient> removed) {

    public QueueChanges {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return newVersion == null && added.isEmpty() && updated.isEmpty() && removed.isEmpty();
    }

    /** A row already in the log whose CSV data changed, or which came back into the CSV. */
    public record RowUpdate(StoredRecipient before, String email, String name, Map<String, String> fields,
                            String rowHash, int line) {
        public RowUpdate {
            fields = Map.copyOf(fields);
        }

        public boolean dataChanged() {
            return !before.rowHash().equals(rowHash);
        }
    }
}
