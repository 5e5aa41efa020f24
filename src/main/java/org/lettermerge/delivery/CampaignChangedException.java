package org.lettermerge.delivery;

import java.util.List;

/**
 * The campaign changed after letters went out. Sending stops until the user has seen what changed and
 * confirms with --accept-changes, so nobody gets a letter made from data they did not mean to send.
 */
public final class CampaignChangedException extends RuntimeException {

    private final List<String> changes;

    public CampaignChangedException(List<String> changes) {
        super("the campaign changed after letters were sent:\n  " + String.join("\n  ", changes)
                + "\nIf this is what you meant, run again with --accept-changes (letters already accepted are never "
                + "sent again).");
        this.changes = List.copyOf(changes);
    }

    public List<String> changes() {
        return changes;
    }
}
