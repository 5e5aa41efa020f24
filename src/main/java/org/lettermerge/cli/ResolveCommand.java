package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.delivery.Controls;
import org.lettermerge.schedule.Sleeper;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Addresses;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Settle a letter whose outcome is UNKNOWN, once you know what happened:",
                "accepted (it arrived), failed (give up), or resend (send it again, with the same Message-ID so the "
                        + "recipient's mail system can recognise a duplicate)."})
final class ResolveCommand implements Callable<Integer> {

    @Mixin CampaignRef campaignRef;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "The recipient's address.")
    String email;

    @Option(names = "--as", required = true, paramLabel = "accepted|failed|resend",
            description = "What to record: ${COMPLETION-CANDIDATES}.")
    Controls.Resolution as;

    private final Clock clock;

    ResolveCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = campaignRef.load();
        try (DeliveryLog log = CampaignRef.open(campaign, clock)) {
            CampaignRecord record = campaignRef.find(log, campaign);
            String key = Addresses.key(email.strip());
            StoredRecipient row = log.recipients(record).stream().filter(r -> r.emailKey().equals(key)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(Problem.error("--email", "no recipient " + email
                            + " in campaign " + campaign.name())));
            if (!new Controls(log, clock, Sleeper.REAL).resolve(record, row, as)) {
                throw new InvalidInputException(Problem.error("--email", row.email() + " is " + row.state()
                        + ", not UNKNOWN: only a letter whose outcome is unknown needs resolving"));
            }
            out.println(row.email() + ": recorded as " + as.name().toLowerCase(Locale.ROOT)
                    + (as == Controls.Resolution.RESEND ? "; the next send --live or run sends it again with Message-ID "
                            + row.messageId() : "") + ".");
            return ExitCode.OK;
        }
    }
}
