package org.lettermerge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.StatusCsvRows;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;

/**
 * Replies asking to unsubscribe, read with {@code lettermerge inbox} from GreenMail's IMAP: flagged for the organizer
 * in inbox and status output, and never put on the suppression list by Lettermerge itself.
 */
class UnsubscribeRequestsInboxIT {

    private static final String PASSWORD = System.getenv("LETTERMERGE_TEST_MAILBOX_PASSWORD");
    private static final String ORGANIZERS = "letters@coalition.example.org";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir Path dir;

    private CampaignFolder campaign;
    private GreenMailUser organizers;
    private Map<String, String> sentIds;

    @BeforeEach
    void threeLettersWentOut() {
        assertThat(PASSWORD).as("LETTERMERGE_TEST_MAILBOX_PASSWORD (set in pom.xml)").isNotBlank();
        organizers = greenMail.setUser(ORGANIZERS, "letters", PASSWORD);
        campaign = CampaignFolder.withMailbox(dir, greenMail, "list_unsubscribe: unsubscribe@coalition.example.org\n", """
                        email,name
                        ana@example.org,Ana
                        bea@example.org,Bea
                        cy@example.org,Cy
                        """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        sentIds = LogRows.query(campaign.database(), "SELECT email, message_id FROM recipient").stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> (String) r.get("message_id")));
        reply("ana", "Re: A letter for Ana", "Please unsubscribe me from these letters.");
        reply("bea", "STOP SENDING", "Thank you.");
        reply("cy", "Re: A letter for Cy", """
                Thank you, we will sign.

                On Mon, 2 Mar 2026, Coalition Letters wrote:
                > Dear Cy, write to us to unsubscribe.
                """);
    }

    @Test
    void repliesAskingToUnsubscribeAreFlaggedAndListedButNobodyIsSuppressed() {
        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(read.out()).contains("3 new", "2 ask to unsubscribe: review them and run `lettermerge suppress add "
                + "ADDRESS --reason 'asked to unsubscribe' --db " + campaign.database() + "`", "nothing was suppressed");
        assertThat(LogRows.query(campaign.database(), "SELECT r.email, i.kind, i.asks_unsubscribe FROM inbound i "
                + "JOIN recipient r ON r.id = i.recipient_id ORDER BY r.email"))
                .extracting(r -> r.get("email") + " " + r.get("kind") + " " + r.get("asks_unsubscribe"))
                .containsExactly("ana@example.org REPLIED 1", "bea@example.org REPLIED 1", "cy@example.org REPLIED 0");
        assertThat(LogRows.query(campaign.database(), "SELECT email FROM suppression")).isEmpty();
        assertThat(LogRows.recipients(campaign.database())).extracting(r -> r.get("state")).containsOnly("ACCEPTED");
    }

    @Test
    void statusMarksTheRequestsInItsTableAndInAnAppendedCsvColumn() throws Exception {
        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();

        CliResult csv = Cli.run("status", campaign.campaign(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        // Columns are only ever appended (bounce_reason came later), so scripts reading by position keep working.
        assertThat(csv.out().lines().findFirst().orElseThrow())
                .endsWith(",bounce_status,asks_unsubscribe,bounce_reason");
        Map<String, String> flags = StatusCsvRows.of(csv.out()).stream()
                .collect(Collectors.toMap(r -> r.get("email"), (CSVRecord r) -> r.get("asks_unsubscribe")));
        assertThat(flags).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ana@example.org", "yes", "bea@example.org", "yes", "cy@example.org", "no"));

        CliResult table = Cli.run("status", campaign.campaign());
        assertThat(table.out()).containsPattern("ana@example.org .*asks to unsubscribe!")
                .containsPattern("bea@example.org .*asks to unsubscribe!")
                .doesNotContainPattern("cy@example.org .*asks to unsubscribe")
                .contains("2 asked to unsubscribe: nothing was done about it")
                .contains("`lettermerge suppress add ADDRESS --reason ... --db " + campaign.database() + "`");
        assertThat(Cli.run("status", campaign.campaign(), "--format", "json").out())
                .contains("\"asks_unsubscribe\" : true", "\"asks_unsubscribe\" : false");
    }

    private void reply(String who, String subject, String body) {
        organizers.deliver(GreenMailUtil.newMimeMessage("""
                From: %s@example.org
                To: letters@coalition.example.org
                Subject: %s
                Message-ID: <reply-%s@example.org>
                In-Reply-To: %s
                Date: Mon, 2 Mar 2026 10:00:00 +0000

                %s""".formatted(who, subject, who, sentIds.get(who + "@example.org"), body)));
    }
}
