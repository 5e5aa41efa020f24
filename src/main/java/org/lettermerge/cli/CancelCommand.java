package org.lettermerge.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.lettermerge.delivery.Controls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a campaign for good: once this returns, no new letter of it starts, in any process. "
                + "Its log is kept.")
final class CancelCommand implements Callable<Integer> {

    @Mixin CampaignRef campaignRef;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--wait", defaultValue = "15s", paramLabel = "DURATION",
            description = "How long to wait for letters already being sent to settle (default: ${DEFAULT-VALUE}).")
    String wait;

    private final Clock clock;

    CancelCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        return PauseCommand.Stopping.run(spec, campaignRef, clock, wait, "cancelled", Controls::cancel);
    }
}
