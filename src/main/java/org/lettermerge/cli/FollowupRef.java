package org.lettermerge.cli;

import org.lettermerge.campaign.Campaign;
import picocli.CommandLine.Option;

/** {@code --followup N}: a command about follow-up N of the campaign (see `lettermerge followup`) instead of it. */
final class FollowupRef {

    @Option(names = "--followup", paramLabel = "N",
            description = "Follow-up N of this campaign (lettermerge followup) instead of the campaign itself.")
    Integer number;

    /** The name in the log of the campaign meant: {@code <name>-followup-N}, or the campaign's own. */
    String name(Campaign campaign) {
        return number == null ? campaign.name() : campaign.name() + "-followup-" + number;
    }
}
