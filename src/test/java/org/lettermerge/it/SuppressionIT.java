package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.Event;
import org.lettermerge.store.EventKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * Opt-outs through the real CLI and the scripted SMTP server: a suppressed address gets no letter from any campaign in
 * the log, whether it was suppressed before queuing, between two runs, or comes back in a new CSV; taking it off
 * the list lets its letter go.
 */
class SuppressionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CY = "cy@example.org";

    @TempDir Path dir;

    private CliRun suppress(CliCampaign campaign, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "suppress";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = campaign.database().toString();
        CliRun run = campaign.run(all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void aSuppressedAddressIsNeverSentItsRowIsSkippedWithTheReasonAndTheOthersAreSent() {
        try (var server = ScriptedSmtpServer.start()) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            suppress(campaign, "add", "CY@example.org", "--reason", "asked not to be written to", "--create");

            CliRun check = campaign.run("check", campaign.file().toString());
            CliRun dryRun = campaign.run("send", campaign.file().toString());
            CliRun send = campaign.sendLive();

            assertThat(check.out()).contains("skipped " + CY + " (line 4): on the suppression list: asked not to be "
                    + "written to");
            assertThat(dryRun.out()).contains("skipped " + CY + ": on the suppression list: asked not to be written to")
                    .doesNotContain("<" + CY + ">");
            assertThat(send.exitCode()).as(send.toString()).isZero();
            assertThat(server.awaitMessages(4, WAIT)).hasSize(4);
            assertThat(server.rcptCommandsFor(CY)).isZero();
            StoredRecipient cy = campaign.row(CY);
            assertThat(cy.state()).isEqualTo(State.SKIPPED);
            assertThat(cy.skipReason()).isEqualTo("asked not to be written to");
            assertThat(cy.attempts()).isZero();
            assertThat(campaign.rows().values()).filteredOn(r -> !r.email().equals(CY))
                    .extracting(StoredRecipient::state).containsOnly(State.ACCEPTED).hasSize(4);
            assertThat(campaign.history(CY)).extracting(Event::kind)
                    .containsExactly(EventKind.QUEUED, EventKind.SKIPPED);

            CliRun status = campaign.status();
            assertThat(status.out()).contains("accepted 4").contains("skipped 1")
                    .contains("suppressed: asked not to be written to");
            CliRun csv = campaign.run("status", campaign.file().toString(), "--format", "csv", "--state", "skipped");
            assertThat(csv.out().split("\r\n")).hasSize(2);
            assertThat(csv.out()).contains(CY + ",Cy,SKIPPED,0,").contains(",asked not to be written to,");
        }
    }

    @Test
    void anAddressSuppressedBetweenTwoRunsIsSkippedByTheNextAndSentOnceItIsTakenOffTheList() {
        try (var server = ScriptedSmtpServer.start()) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            CliRun first = campaign.run("send", campaign.file().toString(), "--live", "--limit", "2");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(campaign.row(CY).state()).isEqualTo(State.QUEUED);

            CliRun added = suppress(campaign, "add", CY, "--reason", "phoned the office");
            assertThat(added.out()).contains("1 queued letter will not be sent");
            CliRun second = campaign.sendLive();

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(server.awaitMessages(4, WAIT)).hasSize(4);
            assertThat(server.messagesTo(CY)).isEmpty();
            assertThat(campaign.row(CY).state()).isEqualTo(State.SKIPPED);

            CliRun removed = suppress(campaign, "remove", CY, "--reason", "wrote to opt back in");
            assertThat(removed.out()).contains("1 queued letter can be sent again");
            assertThat(campaign.row(CY).state()).isEqualTo(State.QUEUED);
            CliRun third = campaign.sendLive();

            assertThat(third.exitCode()).as(third.toString()).isZero();
            assertThat(server.awaitMessages(5, WAIT)).hasSize(5);
            assertThat(server.messagesTo(CY)).hasSize(1);
            assertThat(campaign.row(CY).state()).isEqualTo(State.ACCEPTED);
            assertThat(campaign.history(CY)).extracting(Event::kind).containsExactly(EventKind.QUEUED,
                    EventKind.SKIPPED, EventKind.SKIP_LIFTED, EventKind.CLAIMED, EventKind.DATA_HANDOFF,
                    EventKind.OUTCOME);
            CliRun history = suppress(campaign, "list", "--history");
            assertThat(history.out()).contains("ADDED   " + CY).contains("phoned the office")
                    .contains("REMOVED " + CY).contains("wrote to opt back in");
        }
    }

    @Test
    void oneSuppressionAppliesToEveryCampaignInTheLogAndToAnAddressThatArrivesInANewCsv() throws Exception {
        try (var server = ScriptedSmtpServer.start()) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            suppress(campaign, "add", CY, "--reason", "opted out", "--create");
            suppress(campaign, "add", "zoe@example.org", "--reason", "bounced last year");
            assertThat(campaign.sendLive().exitCode()).isZero();
            assertThat(server.awaitMessages(4, WAIT)).hasSize(4);

            // A second campaign in the same log, whose list has Cy and a new address that was suppressed earlier.
            Path second = dir.resolve("reminder.yaml");
            Files.writeString(second, Files.readString(campaign.file()).replace("name: fault-drill", "name: reminder")
                    .replace("recipients.csv", "reminder.csv"));
            Files.writeString(dir.resolve("reminder.csv"), """
                    email,name
                    ada@example.org,Ada
                    cy@example.org,Cy
                    """);
            CliRun reminder = campaign.run("send", second.toString(), "--live");
            // The first campaign's CSV gains the suppressed address later: it is queued, and skipped.
            Files.writeString(dir.resolve("recipients.csv"), "zoe@example.org,Zoe\n",
                    java.nio.file.StandardOpenOption.APPEND);
            CliRun again = campaign.sendLive();

            assertThat(reminder.exitCode()).as(reminder.toString()).isZero();
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(server.awaitMessages(5, WAIT)).hasSize(5);
            assertThat(server.messagesTo(CY)).isEmpty();
            assertThat(server.messagesTo("zoe@example.org")).isEmpty();
            assertThat(server.messagesTo("ada@example.org")).hasSize(2);
            List<java.util.Map<String, Object>> skipped = LogRows.query(campaign.database(), """
                    SELECT c.name, r.email, r.state, r.skip_reason FROM recipient r JOIN campaign c ON c.id = r.campaign_id
                    WHERE r.skipped_at IS NOT NULL ORDER BY c.id, r.id""");
            assertThat(skipped).extracting(row -> row.get("name") + " " + row.get("email") + " " + row.get("state")
                    + " " + row.get("skip_reason")).containsExactly(
                    "fault-drill cy@example.org QUEUED opted out",
                    "fault-drill zoe@example.org QUEUED bounced last year",
                    "reminder cy@example.org QUEUED opted out");
        }
    }
}
