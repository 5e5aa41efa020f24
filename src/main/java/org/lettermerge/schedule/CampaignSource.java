package org.lettermerge.schedule;

import org.lettermerge.store.CampaignRecord;

/** Gives the scheduler a campaign ready to send, or says why it cannot be sent as queued. */
@FunctionalInterface
public interface CampaignSource {

    /** Exactly one of the two is set. */
    record Loaded(LiveCampaign campaign, String problem) {}

    Loaded load(CampaignRecord campaign);
}
