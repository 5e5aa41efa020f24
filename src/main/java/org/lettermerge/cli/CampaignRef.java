package org.lettermerge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which campaign a command is about: its file (for its name and database) and --db to use another log. */
final class CampaignRef {

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "The campaign file (YAML), e.g. config/campaign.yaml.")
    Path campaignFile;

    @Option(names = "--db", paramLabel = "PATH", description = "The delivery log (SQLite) instead of the file's database.")
    Path database;

    Campaign withDatabase(Campaign campaign) {
        return database == null ? campaign : campaign.withDatabase(database.toAbsolutePath().normalize());
    }

    Campaign load() {
        return withDatabase(CampaignFile.load(campaignFile));
    }

    /** The campaign's record in its log; an error naming the command that queues it when it was never queued there. */
    CampaignRecord find(DeliveryLog log, Campaign campaign) {
        return find(log, campaign, new FollowupRef());
    }

    /**
     * The campaign meant by {@code followup} (follow-up N, or the campaign itself) in the campaign's log; when it is
     * not there, the error names the command that puts it there, with this file and --db.
     */
    CampaignRecord find(DeliveryLog log, Campaign campaign, FollowupRef followup) {
        String name = followup.name(campaign);
        return log.findCampaign(name).orElseThrow(() -> new InvalidInputException(Problem.error(
                Problem.display(campaign.file()), missing(log, campaign, followup) + ": nothing to do ("
                        + nextStep(log, campaign, followup, Hint.lettermerge("send", campaignFile, "--live").given(this))
                        + ")")));
    }

    /** "campaign X has not been queued in DB" or "follow-up N of campaign X has not been created in DB". */
    String missing(DeliveryLog log, Campaign campaign, FollowupRef followup) {
        return (followup.number == null || log.findCampaign(campaign.name()).isEmpty()
                ? "campaign " + campaign.name() + " has not been queued in "
                : "follow-up " + followup.number + " of campaign " + campaign.name() + " has not been created in ")
                + Problem.display(log.path());
    }

    /** What makes it exist: {@code send} (the campaign), or, once the campaign went out, creating the follow-up. */
    String nextStep(DeliveryLog log, Campaign campaign, FollowupRef followup, Hint send) {
        if (followup.number == null || log.findCampaign(campaign.name()).isEmpty()) {
            return "send it with " + send;
        }
        return "create it with " + Hint.lettermerge("followup", campaignFile, "--template", "TEMPLATE", "--who",
                "no-reply").given(this);
    }

    /**
     * What to tell someone who asks about a campaign before anything was queued from it — no delivery log there yet —
     * or null when the log exists. Not a log problem: the next step is to send, and a mistyped --db is named too.
     */
    String nothingQueuedYet(Campaign campaign, Hint send) {
        if (Files.exists(campaign.database())) {
            return null;
        }
        return "Nothing has been queued from campaign " + campaign.name() + " yet (there is no delivery log at "
                + Problem.display(campaign.database()) + "): run `" + send + "`. If it was sent already, check --db or"
                + " the campaign file's database key.";
    }

    static DeliveryLog open(Campaign campaign, Clock clock) {
        return DeliveryLog.openExisting(campaign.database(), clock);
    }
}
