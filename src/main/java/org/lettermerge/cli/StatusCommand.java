package org.lettermerge.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.delivery.CampaignStatus;
import org.lettermerge.followup.Responses;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.State;
import org.lettermerge.status.FollowupsView;
import org.lettermerge.status.StatusExport;
import org.lettermerge.status.StatusFilter;
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
        Hint send = Hint.lettermerge("send", options.ref.campaignFile, "--live").given(options);
        String nothingYet = options.ref.nothingQueuedYet(campaign, send);
        if (nothingYet != null) {
            out.println(nothingYet);
            return ExitCode.OK;
        }
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), clock)) {
            CampaignRecord record = log.findCampaign(followupRef.name(campaign)).orElse(null);
            if (record == null) {
                String missing = options.ref.missing(log, campaign, followupRef);
                String next = options.ref.nextStep(log, campaign, followupRef, send);
                out.println(Character.toUpperCase(missing.charAt(0)) + missing.substring(1)
                        + " yet: nothing has been sent. " + Character.toUpperCase(next.charAt(0)) + next.substring(1));
                return ExitCode.OK;
            }
            if (replied && noReply) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replied and --no-reply exclude each other");
            }
            StatusFilter filter = new StatusFilter(state, replied, noReply, bounced);
            // Rows go out as the log hands them over, through a buffer flushed at the end: the command's writer
            // flushes at every line, a system call per row.
            PrintWriter rows = new PrintWriter(new BufferedWriter(out, 1 << 16));
            try {
                switch (format) {
                    case csv -> StatusExport.csv(log, record, filter, rows);
                    case json -> StatusExport.json(log, record, filter, clock.instant(), rows);
                    case table -> table(log, record, filter, Problem.display(campaign.database()), rows);
                }
            } finally {
                rows.flush();
            }
            return ExitCode.OK;
        }
    }

    private void table(DeliveryLog log, CampaignRecord record, StatusFilter filter, String db, PrintWriter out) {
        Map<Long, Responses> responses = Responses.byRecipient(log.inbox().answering(record));
        Map<State, Integer> counts = log.counts(record);
        StatusTable.Rows table = StatusTable.open(out, record, CampaignStatus.of(log, record, counts, clock.instant()),
                counts, filter.collect(log.listing(), record, responses, State.UNKNOWN), responses, db,
                TableWidth.of(TableWidth.fromEnvironment(System.getenv("COLUMNS"))));
        filter.each(log.listing(), record, responses, table::add);
        table.finish(filter);
        FollowupsView.print(out, FollowupsView.of(log, record, clock.instant()));
    }
}
