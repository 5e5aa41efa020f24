package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Counts per state and every recipient with its state, attempts, last SMTP reply and time.")
final class StatusCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Mixin CampaignOptions options;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", description = "Only recipients in this state (${COMPLETION-CANDIDATES}).")
    State state;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}). CSV is safe to open in a spreadsheet.")
    Format format;

    private final Clock clock;

    StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = options.load();
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), clock)) {
            CampaignRecord record = log.findCampaign(campaign.name()).orElse(null);
            if (record == null) {
                out.println("Campaign " + campaign.name() + " has not been queued in " + Problem.display(campaign.database())
                        + " yet: nothing has been sent. Run lettermerge send " + options.ref.campaignFile + " --live");
                return ExitCode.OK;
            }
            List<StoredRecipient> all = log.recipients(record);
            List<StoredRecipient> shown = state == null ? all : all.stream().filter(r -> r.state() == state).toList();
            Map<State, Integer> counts = log.counts(record);
            CampaignStatus where = CampaignStatus.of(record, all, clock.instant());
            switch (format) {
                case csv -> StatusCsv.write(out, shown);
                case json -> StatusJson.write(out, record, where, counts, shown);
                default -> StatusTable.write(out, record, where, counts, shown);
            }
            return ExitCode.OK;
        }
    }
}
