package org.lettermerge.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.store.Suppressions;

/** Reads what the log holds for a campaign, for commands that only look. */
final class StoredRows {

    private StoredRows() {}

    static List<StoredRecipient> of(Campaign campaign, Clock clock) {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), clock)) {
            return log.findCampaign(campaign.name()).map(log::recipients).orElse(List.of());
        }
    }

    /** The log's suppression list by lowercased address; empty when the log does not exist yet. */
    static Map<String, Suppressions.Entry> suppressed(Campaign campaign, Clock clock) {
        if (!Files.exists(campaign.database())) {
            return Map.of();
        }
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), clock)) {
            return log.suppressions().byKey();
        }
    }
}
