package org.lettermerge.delivery;

/**
 * What the organizer confirmed on the command line before a campaign is queued again. Each one answers one
 * refusal, and none implies another.
 *
 * @param acceptChanges the campaign changed after letters went out: record the new version (--accept-changes)
 * @param sameCampaign  the template and the recipients both differ, and it is still the same campaign (--same-campaign)
 * @param newLog        the campaign was queued in a log that is not this one: start over here (--new-log)
 */
public record Consent(boolean acceptChanges, boolean sameCampaign, boolean newLog) {

    public static final Consent NONE = new Consent(false, false, false);
}
