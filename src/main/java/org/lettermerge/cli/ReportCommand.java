package org.lettermerge.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.problems.OutputNotWrittenException;
import org.lettermerge.problems.Problem;
import org.lettermerge.report.CampaignReport;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML file to share: totals by state, replies and bounces, a chart of "
                + "letters accepted and replies over time, and every recipient's line.")
final class ReportCommand implements Callable<Integer> {

    @Mixin CampaignRef ref;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write, e.g. report.html.")
    Path out;

    private final Clock clock;

    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Campaign campaign = ref.load();
        PrintWriter stdout = spec.commandLine().getOut();
        Hint send = Hint.lettermerge("send", ref.campaignFile, "--live").given(ref);
        String nothingYet = ref.nothingQueuedYet(campaign, send);
        if (nothingYet != null) {
            stdout.println(nothingYet + " No report written.");
            return ExitCode.OK;
        }
        int rows;
        try (DeliveryLog log = CampaignRef.open(campaign, clock)) {
            CampaignRecord record = log.findCampaign(campaign.name()).orElse(null);
            if (record == null) {
                stdout.println("Campaign " + campaign.name() + " has not been queued in " + Problem.display(log.path())
                        + " yet: nothing has been sent, no report written. Send it with " + send);
                return ExitCode.OK;
            }
            rows = CampaignReport.write(log, record, campaign.subject(), clock.instant(), out);
        } catch (UncheckedIOException e) {
            throw OutputNotWrittenException.of(out, e.getCause());
        }
        stdout.println("Wrote " + Problem.display(out) + ": " + rows
                + " recipient" + (rows == 1 ? "" : "s") + ".");
        return ExitCode.OK;
    }
}
