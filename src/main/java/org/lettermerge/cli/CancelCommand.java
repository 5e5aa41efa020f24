package org.lettermerge.cli;

import java.time.Clock;
import java.time.Duration;
import org.lettermerge.delivery.Controls;
import org.lettermerge.store.CampaignRecord;
import picocli.CommandLine.Command;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a campaign for good: once this returns, no new letter of it starts, in any process. "
                + "Its log is kept.")
final class CancelCommand extends StopCommand {

    CancelCommand(Clock clock) {
        super(clock);
    }

    @Override
    String done() {
        return "cancelled";
    }

    @Override
    Controls.Stopped stop(Controls controls, CampaignRecord campaign, Duration wait) throws InterruptedException {
        return controls.cancel(campaign, wait);
    }
}
