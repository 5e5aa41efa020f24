package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Durations;
import org.lettermerge.delivery.Controls;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** pause and cancel: commit the campaign's new state, wait for letters in flight, say what happened. */
abstract class StopCommand implements Callable<Integer> {

    @Mixin CampaignRef campaignRef;
    @Mixin FollowupRef followupRef;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--wait", defaultValue = "15s", paramLabel = "DURATION",
            description = "How long to wait for letters already being sent to settle (default: ${DEFAULT-VALUE}).")
    String wait;

    private final Clock clock;

    StopCommand(Clock clock) {
        this.clock = clock;
    }

    /** "paused" or "cancelled". */
    abstract String done();

    abstract Controls.Stopped stop(Controls controls, CampaignRecord campaign, Duration wait) throws InterruptedException;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = campaignRef.load();
        try (DeliveryLog log = CampaignRef.open(campaign, clock)) {
            CampaignRecord record = campaignRef.find(log, campaign, followupRef);
            Controls.Stopped stopped = stop(new Controls(log, clock, Sleeper.REAL), record, Durations.parse(wait));
            out.println(stopped.changed() ? "Campaign " + record.name() + " " + done()
                    + ": no new letter of it will start, in any process."
                    : "Campaign " + record.name() + " was already " + log.findCampaign(record.name())
                            .orElseThrow().state().name().toLowerCase() + "; nothing changed.");
            if (!stopped.inFlightSettled()) {
                out.println("Some letters were already being handed to the server and are still in flight; "
                        + "their outcome is recorded when they finish (see status).");
            }
            return ExitCode.OK;
        }
    }
}
