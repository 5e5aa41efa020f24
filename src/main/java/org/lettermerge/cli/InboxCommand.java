package org.lettermerge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.followup.InboxReader;
import org.lettermerge.followup.InboxReport;
import org.lettermerge.followup.RenderedSubjects;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.store.BounceClass;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inbox", mixinStandardHelpOptions = true,
        description = "Read the campaign's mailbox once and record replies, automatic replies and bounces against "
                + "the letters they answer. Mail is never deleted; with mailbox.move_to, matched mail is moved there.")
final class InboxCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Mixin CampaignRef ref;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;

    @Option(names = "--unmatched", description = "List the mail nobody could tie to a letter (recorded by earlier "
            + "readings); does not read the mailbox.")
    boolean unmatched;

    private final Clock clock;

    InboxCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Campaign campaign = ref.load();
        try (DeliveryLog log = CampaignRef.open(campaign, clock)) {
            if (unmatched) {
                listUnmatched(out, log.inbox().unmatched());
                return ExitCode.OK;
            }
            if (campaign.mailbox() == null) {
                throw new InvalidInputException(Problem.error(Problem.display(campaign.file()), "the campaign has no "
                        + "mailbox: add a mailbox section (host, security, username, password_env) to read replies"));
            }
            CampaignRecord record = ref.find(log, campaign);
            InboxReport report = new InboxReader(log, clock).read(campaign.mailbox(),
                    new Logins(clock).forMailbox(campaign), record,
                    new RenderedSubjects(campaign, log, record));
            printReport(out, report, Problem.display(campaign.database()),
                    Hint.lettermerge("inbox", ref.campaignFile).given(ref).add("--unmatched"));
            return ExitCode.OK;
        }
    }

    private static void printReport(PrintWriter out, InboxReport report, String db, Hint listUnmatched) {
        out.println("Read " + report.mailbox() + ": " + report.recorded().size() + " new, " + report.known()
                + " already recorded" + (report.moved() > 0 ? ", " + report.moved() + " moved" : "") + ".");
        out.println("  replied " + report.count(InboundKind.REPLIED) + "   auto-reply "
                + report.count(InboundKind.AUTO_REPLY) + "   bounced " + report.count(InboundKind.BOUNCED)
                + "   delayed " + report.count(InboundKind.DELAYED) + "   unmatched "
                + report.count(InboundKind.UNMATCHED));
        for (InboundMessage m : report.recorded()) {
            out.println("  " + label(m) + "  " + who(m) + "  " + nullToEmpty(m.subject()));
            if (m.bounceReason() != null) {
                out.println("      " + m.bounceReason());
            }
        }
        List<InboundMessage> unsubscribe = report.unsubscribeRequests();
        if (!unsubscribe.isEmpty()) {
            // Flagged, not acted on: the issue wants a person to decide, and a word list can misread a reply.
            out.println(unsubscribe.size() + " ask to unsubscribe: review them and run `" + Hint.lettermerge(
                    "suppress", "add", "ADDRESS", "--reason", "asked to unsubscribe", "--db", db)
                    + "` for those who meant it (nothing was suppressed):");
            unsubscribe.forEach(m -> out.println("  " + nullToEmpty(m.from()) + "  " + nullToEmpty(m.subject())));
        }
        if (report.count(InboundKind.UNMATCHED) > 0) {
            out.println("Unmatched mail is kept for you: " + listUnmatched + " lists it.");
        }
    }

    private static String label(InboundMessage m) {
        String kind = m.kind() == InboundKind.BOUNCED ? BounceClass.describe(m.dsnStatus())
                : m.kind().name().toLowerCase().replace('_', '-') + (m.dsnStatus() == null ? "" : " " + m.dsnStatus());
        return String.format("%-13s", kind) + (m.asksUnsubscribe() ? " [asks to unsubscribe]" : "");
    }

    /** A report is about a recipient, not from one: name the recipient, and the mailer daemon after it. */
    private static String who(InboundMessage m) {
        boolean report = m.kind() == InboundKind.BOUNCED || m.kind() == InboundKind.DELAYED;
        if (report && m.recipient() != null && m.recipient().email() != null) {
            return m.recipient().email() + " (report from " + nullToEmpty(m.from()) + ")";
        }
        return nullToEmpty(m.from());
    }

    private static void listUnmatched(PrintWriter out, List<InboundMessage> messages) {
        if (messages.isEmpty()) {
            out.println("No unmatched mail.");
            return;
        }
        out.println(messages.size() + " message" + (messages.size() == 1 ? "" : "s")
                + " nobody could tie to a letter:");
        for (InboundMessage m : messages) {
            out.println("  " + TIME.format(m.receivedAt()) + "  " + nullToEmpty(m.from()) + "  "
                    + nullToEmpty(m.subject()));
            out.println("      " + m.key() + (m.snippet() == null || m.snippet().isEmpty() ? "" : "  " + m.snippet()));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
