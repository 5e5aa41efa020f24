package org.lettermerge.store;

import java.time.Instant;

/** A campaign as the log knows it; {@code version} is the accepted version its letters are sent from. */
public record CampaignRecord(long id, String name, String campaignFile, int version, Instant createdAt) {}
