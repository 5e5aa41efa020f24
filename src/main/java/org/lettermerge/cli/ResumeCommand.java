package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.delivery.Controls;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume a paused campaign (paused by hand, by the server's push-back, the error budget or a "
                + "missed start). `lettermerge run` or `send --live` then sends it.")
final class ResumeCommand implements Callable<Integer> {

    @Mixin CampaignRef campaignRef;
    @Mixin FollowupRef followupRef;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    private final Clock clock;

    ResumeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = campaignRef.load();
        try (DeliveryLog log = CampaignRef.open(campaign, clock)) {
            CampaignRecord record = campaignRef.find(log, campaign, followupRef);
            if (new Controls(log, clock, Sleeper.REAL).resume(record)) {
                out.println("Campaign " + record.name() + " resumed: `" + Hint.lettermerge("run", "--db",
                        org.lettermerge.problems.Problem.display(campaign.database())) + "` or `"
                        + Hint.lettermerge("send", campaignRef.campaignFile, "--live").given(campaignRef)
                        + "` sends it.");
            } else {
                out.println("Campaign " + record.name() + " is " + record.state().name().toLowerCase()
                        + ", not paused; nothing changed.");
            }
            return ExitCode.OK;
        }
    }
}
