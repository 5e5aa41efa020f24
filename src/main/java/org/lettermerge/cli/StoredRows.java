package org.lettermerge.cli;

import java.time.Clock;
import java.util.List;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;

/** Reads what the log holds for a campaign, for commands that only look. */
final class StoredRows {

    private StoredRows() {}

    static List<StoredRecipient> of(Campaign campaign, Clock clock) {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), clock)) {
            return log.findCampaign(campaign.name()).map(log::recipients).orElse(List.of());
        }
    }
}
