package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import picocli.CommandLine;
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

    @Option(names = "--replied", description = "Only recipients who replied (read with lettermerge inbox).")
    boolean replied;

    @Option(names = "--no-reply", description = "Only recipients who have not replied (an automatic reply is not a reply).")
    boolean noReply;

    @Option(names = "--bounced", description = "Only recipients whose letter bounced.")
    boolean bounced;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}). CSV is safe to open in a spreadsheet.")
    Format format;

    @Mixin FollowupRef followupRef;

    private final Clock clock;

    StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = options.load();
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), clock)) {
            CampaignRecord record = log.findCampaign(followupRef.name(campaign)).orElse(null);
            if (record == null) {
                String missing = options.ref.missing(log, campaign, followupRef);
                String next = options.ref.nextStep(log, campaign, followupRef,
                        Hint.lettermerge("send", options.ref.campaignFile, "--live").given(options));
                out.println(Character.toUpperCase(missing.charAt(0)) + missing.substring(1)
                        + " yet: nothing has been sent. " + Character.toUpperCase(next.charAt(0)) + next.substring(1));
                return ExitCode.OK;
            }
            if (replied && noReply) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replied and --no-reply exclude each other");
            }
            Map<Long, Responses> responses = Responses.byRecipient(log.inbox().answering(record));
            if (format == Format.csv) {
                // Streamed: the first row goes out at once, and a 100,000-row log is never held whole.
                StatusCsv.Rows csv = StatusCsv.open(out, responses);
                log.eachRecipient(record, r -> {
                    if ((state == null || r.state() == state) && wanted(responses.getOrDefault(r.id(), Responses.NONE))) {
                        csv.add(r);
                    }
                });
                csv.flush();
                return ExitCode.OK;
            }
            List<StoredRecipient> all = log.recipients(record);
            List<StoredRecipient> shown = all.stream().filter(r -> state == null || r.state() == state)
                    .filter(r -> wanted(responses.getOrDefault(r.id(), Responses.NONE))).toList();
            Map<State, Integer> counts = log.counts(record);
            CampaignStatus where = CampaignStatus.of(log, record, all, clock.instant());
            List<FollowupsView.Summary> followups = FollowupsView.of(log, record, clock.instant());
            switch (format) {
                case json -> StatusJson.write(out, record, where, counts, shown, responses, followups,
                        FollowupsView.reminders(log, record, shown));
                default -> {
                    StatusTable.write(out, record, where, counts, shown, responses,
                            Problem.display(campaign.database()));
                    FollowupsView.print(out, followups);
                }
            }
            return ExitCode.OK;
        }
    }

    private boolean wanted(Responses r) {
        return (!replied || r.replied()) && (!noReply || !r.replied()) && (!bounced || r.bounced());
    }
}
