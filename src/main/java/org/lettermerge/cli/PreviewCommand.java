package org.lettermerge.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.campaign.RecipientRows;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.message.MessageIds;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.OutputNotWrittenException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.template.Letter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "The exact message one recipient would get, headers and text, on the terminal; with --out, "
                + "every recipient's message as an .eml file. No network.")
final class PreviewCommand implements Callable<Integer> {

    static final class Which {
        @Option(names = "--row", paramLabel = "N",
                description = "The Nth recipient (1 = the first row under the header; duplicate rows not counted).")
        Integer row;

        @Option(names = "--to", paramLabel = "ADDRESS", description = "The recipient with this address.")
        String to;
    }

    @Mixin CampaignOptions options;
    @Mixin Verbosity verbosity;
    @Spec CommandSpec spec;
    @ArgGroup(exclusive = true) Which which = new Which();

    @Option(names = "--out", paramLabel = "DIR", description = "Write every recipient's message as an .eml file into DIR.")
    Path out;

    private final Clock clock;

    PreviewCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Campaign campaign = options.load();
        PreparedCampaign prepared = Preflight.prepare(campaign);
        if (prepared.hasErrors()) {
            throw new InvalidInputException(prepared.errors());
        }
        MessageFactory messages = new MessageFactory(Session.getInstance(new Properties()), campaign.sender(),
                campaign.attachments(), clock);
        Map<String, String> queuedIds = Files.exists(campaign.database())
                ? StoredRows.of(campaign, clock).stream().collect(Collectors.toMap(StoredRecipient::emailKey,
                        StoredRecipient::messageId)) : Map.of();
        String domain = MessageIds.domainOf(campaign.sender().from());
        Function<Recipient, String> messageId = r -> queuedIds.getOrDefault(r.key(), MessageIds.next(domain));
        RecipientRows recipients = prepared.recipients();
        if (out != null) {
            int n = 0;
            try {
                Files.createDirectories(out);
                for (Recipient r : recipients.reread()) {
                    MimeMessage message = messages.build(prepared.render(r), r.email(), messageId.apply(r));
                    Path file = out.resolve(String.format("%04d-%s.eml", ++n, r.email().replaceAll("[^A-Za-z0-9@._-]", "_")));
                    try (OutputStream os = Files.newOutputStream(file)) {
                        message.writeTo(os);
                    }
                }
            } catch (IOException e) {
                throw OutputNotWrittenException.of(out, e);
            }
            stdout.println("Wrote " + n + " messages to " + Problem.display(out));
            return ExitCode.OK;
        }
        Recipient chosen = choose(recipients, campaign);
        Letter letter = prepared.render(chosen);
        MimeMessage message = messages.build(letter, chosen.email(), messageId.apply(chosen));
        show(stdout, message, letter, campaign);
        if (!queuedIds.containsKey(chosen.key())) {
            stdout.println();
            stdout.println("(The Message-ID above is a sample: the real one is fixed when the campaign is queued.)");
        }
        return ExitCode.OK;
    }

    /** The recipient asked for, read again from the file (the prepared campaign keeps none of its rows). */
    private Recipient choose(RecipientRows recipients, Campaign campaign) {
        if (recipients.count() == 0) {
            throw new InvalidInputException(Problem.error(Problem.display(campaign.recipients()), "no recipients"));
        }
        Stream<Recipient> rows = StreamSupport.stream(recipients.reread().spliterator(), false);
        if (which.to != null) {
            return rows.filter(r -> r.email().equalsIgnoreCase(which.to.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException(Problem.error("--to", "no recipient with address "
                            + which.to + " in " + Problem.display(campaign.recipients()))));
        }
        int row = which.row == null ? 1 : which.row;
        Optional<Recipient> chosen = row < 1 ? Optional.empty() : rows.skip(row - 1L).findFirst();
        return chosen.orElseThrow(() -> new InvalidInputException(Problem.error("--row", "there are "
                + recipients.count() + " recipients: choose a row from 1 to " + recipients.count())));
    }

    private static void show(PrintWriter out, MimeMessage message, Letter letter, Campaign campaign)
            throws MessagingException, IOException {
        for (String header : List.of("Date", "From", "Reply-To", "To", "Subject", "Message-ID")) {
            String value = message.getHeader(header, ", ");
            if (value != null) {
                out.println(header + ": " + MimeUtility.decodeText(MimeUtility.unfold(value)));
            }
        }
        out.println();
        out.print(letter.text());
        if (!letter.text().endsWith("\n")) {
            out.println();
        }
        if (letter.html() != null) {
            out.println();
            out.println("[+ HTML alternative from " + Problem.display(campaign.htmlTemplate()) + ", "
                    + letter.html().length() + " characters]");
        }
        campaign.attachments().forEach(a -> out.println("[+ attachment " + a.getFileName() + "]"));
    }
}
