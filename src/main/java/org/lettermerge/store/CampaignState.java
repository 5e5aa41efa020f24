package org.lettermerge.store;

/**
 * What the organizer (or the scheduler, on push-back) decided about a campaign. Whether it is scheduled,
 * running or finished is not stored: it follows from its rows and times (see {@code CampaignStatus}).
 */
public enum CampaignState { ACTIVE, PAUSED, CANCELLED }
