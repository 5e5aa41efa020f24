package org.lettermerge.cli;

import java.time.Clock;
import java.time.Duration;
import org.lettermerge.delivery.Controls;
import org.lettermerge.store.CampaignRecord;
import picocli.CommandLine.Command;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause a campaign: once this returns, no new letter of it starts, in any process. "
                + "`resume` goes on where it stopped.")
final class PauseCommand extends StopCommand {

    PauseCommand(Clock clock) {
        super(clock);
    }

    @Override
    String done() {
        return "paused";
    }

    @Override
    Controls.Stopped stop(Controls controls, CampaignRecord campaign, Duration wait) throws InterruptedException {
        return controls.pause(campaign, wait);
    }
}
