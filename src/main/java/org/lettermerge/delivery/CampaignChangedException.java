package org.lettermerge.delivery;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.CampaignRecord;

/**
 * The campaign changed after letters went out, or the files are another letter under the campaign's name. Sending
 * stops until the user has seen what changed and confirms, so nobody gets a letter made from data they did not
 * mean to send, and a second letter never mixes into the first one's log.
 */
public final class CampaignChangedException extends RuntimeException {

    private static final int SHOWN = 12;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final List<String> changes;

    public CampaignChangedException(List<String> changes) {
        this("the campaign changed after letters were sent:\n  " + String.join("\n  ", changes)
                + "\nIf this is what you meant, run again with --accept-changes (letters already accepted are never "
                + "sent again).", changes);
    }

    private CampaignChangedException(String message, List<String> changes) {
        super(message);
        this.changes = List.copyOf(changes);
    }

    /** Both the template and the recipients differ: a new letter (a copied campaign folder), not an edit. */
    static CampaignChangedException differentLetter(CampaignRecord stored, Path campaignFile, List<String> changes) {
        List<String> shown = changes.size() <= SHOWN ? changes : changes.subList(0, SHOWN);
        String more = changes.size() <= SHOWN ? "" : "\n  … and " + (changes.size() - SHOWN) + " more";
        return new CampaignChangedException("this log holds campaign " + stored.name() + ", queued from other files on "
                + DATE.format(stored.createdAt()) + " (" + stored.campaignFile() + "): its template and its recipients"
                + " both differ from " + Problem.display(campaignFile) + ":\n  " + String.join("\n  ", shown) + more
                + "\nIf this is a new letter, give it its own name: (and its own database:) in "
                + Problem.display(campaignFile) + ", or start it with `lettermerge init`. If it really is the same"
                + " campaign, run again with --accept-changes --same-campaign.", changes);
    }

    public List<String> changes() {
        return changes;
    }
}
