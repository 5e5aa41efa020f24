package org.lettermerge.store;

import java.time.Instant;
import java.util.Map;

/**
 * What a campaign's letters are made from, as hashes: one per part (subject, template, each data file and
 * attachment) so that a change can be named, and one over all recipient rows.
 */
public record CampaignVersion(int version, String contentHash, Map<String, String> parts, String recipientsHash,
                              Instant createdAt) {
    public CampaignVersion {
        parts = Map.copyOf(parts);
    }
}
