package org.lettermerge.store;

import java.time.Instant;
import java.util.Map;

/**
 * A campaign as the log knows it.
 *
 * @param version     the accepted version its letters are sent from
 * @param scheduledAt no letter goes out before this instant (null: as soon as it is queued)
 * @param pauseKind   why it is paused (null unless PAUSED)
 * @param resumeAt    when a self-resuming pause ends (null otherwise)
 * @param account     the SMTP account whose sending budget its letters spend
 * @param overrides   command-line overrides given when it was queued (--smtp-host, --rate, ...)
 */
public record CampaignRecord(long id, String name, String campaignFile, int version, Instant createdAt,
                             CampaignState state, Instant scheduledAt, PauseKind pauseKind, String pauseReason,
                             Instant resumeAt, int consecutiveFailures, String account, Map<String, String> overrides) {

    public CampaignRecord {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }
}
