package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.delivery.Controls;
import org.lettermerge.delivery.Sleeper;
import org.lettermerge.store.DeliveryLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause a campaign: once this returns, no new letter of it starts, in any process. "
                + "`resume` goes on where it stopped.")
final class PauseCommand implements Callable<Integer> {

    @Mixin CampaignRef campaignRef;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--wait", defaultValue = "15s", paramLabel = "DURATION",
            description = "How long to wait for letters already being sent to settle (default: ${DEFAULT-VALUE}).")
    String wait;

    private final Clock clock;

    PauseCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        return Stopping.run(spec, campaignRef, clock, wait, "paused", Controls::pause);
    }

    /** pause and cancel: commit the state, wait for letters in flight, say what happened. */
    static final class Stopping {
        interface Action {
            Controls.Stopped apply(Controls controls, org.lettermerge.store.CampaignRecord campaign, Duration wait)
                    throws InterruptedException;
        }

        private Stopping() {}

        static int run(CommandSpec spec, CampaignRef ref, Clock clock, String wait, String done, Action action)
                throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Campaign campaign = ref.load();
            try (DeliveryLog log = CampaignRef.open(campaign, clock)) {
                var record = CampaignRef.find(log, campaign);
                Controls controls = new Controls(log, clock, Sleeper.REAL);
                Controls.Stopped stopped = action.apply(controls, record, org.lettermerge.campaign.Durations.parse(wait));
                out.println(stopped.changed() ? "Campaign " + campaign.name() + " " + done
                        + ": no new letter of it will start, in any process."
                        : "Campaign " + campaign.name() + " was already " + log.findCampaign(campaign.name())
                                .orElseThrow().state().name().toLowerCase() + "; nothing changed.");
                if (!stopped.inFlightSettled()) {
                    out.println("Some letters were already being handed to the server and are still in flight; "
                            + "their outcome is recorded when they finish (see status).");
                }
                return ExitCode.OK;
            }
        }
    }
}
