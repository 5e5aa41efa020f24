package org.lettermerge.cli;

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

    /** The campaign's record in its log; an error when it was never queued there. */
    static CampaignRecord find(DeliveryLog log, Campaign campaign) {
        return find(log, campaign, campaign.name());
    }

    /** Campaign {@code name} (the campaign's own, or one of its follow-ups) in the campaign's log. */
    static CampaignRecord find(DeliveryLog log, Campaign campaign, String name) {
        return log.findCampaign(name).orElseThrow(() -> new InvalidInputException(Problem.error(
                Problem.display(campaign.file()), "campaign " + name + " has not been queued in "
                        + Problem.display(log.path()) + ": nothing to do (send it with send --live first)")));
    }

    static DeliveryLog open(Campaign campaign, Clock clock) {
        return DeliveryLog.openExisting(campaign.database(), clock);
    }
}
