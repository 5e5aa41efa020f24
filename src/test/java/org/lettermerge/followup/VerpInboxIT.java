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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;

/**
 * A campaign with bounce_address, sent through GreenMail's SMTP; bounces then arrive in the organizers' mailbox
 * addressed to bounces+TOKEN@domain (as a server returns them to the letter's envelope sender) and quoting nothing
 * of the letter: the token alone ties each to its row.
 */
class VerpInboxIT {

    private static final String PASSWORD = System.getenv("LETTERMERGE_TEST_MAILBOX_PASSWORD");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    private CampaignFolder campaign;
    private GreenMailUser organizers;
    private Map<String, String> tokens;

    @BeforeEach
    void threeLettersWentOutWithVerpEnvelopeSenders() {
        assertThat(PASSWORD).as("LETTERMERGE_TEST_MAILBOX_PASSWORD (set in pom.xml)").isNotBlank();
        organizers = greenMail.setUser("letters@coalition.example.org", "letters", PASSWORD);
        campaign = CampaignFolder.withMailbox(dir, greenMail, "bounce_address: bounces@coalition.example.org\n", """
                        email,name
                        ana@example.org,Ana
                        bea@example.org,Bea
                        cy@example.org,Cy
                        """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        tokens = LogRows.query(campaign.database(), "SELECT email, bounce_token FROM recipient").stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> (String) r.get("bounce_token")));
    }

    /** A free-text bounce with no Message-ID, no Final-Recipient and no address of the letter in it. */
    private void bareBounce(String to, String id) {
        organizers.deliver(GreenMailUtil.newMimeMessage("""
                From: MAILER-DAEMON@mail.example.com
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mail.example.com>
                Date: Mon, 2 Mar 2026 10:03:00 +0000

                Your message could not be delivered to one or more recipients.
                550 5.1.1 mailbox unavailable
                """.formatted(to, id)));
    }

    @Test
    void aBareBounceToTheVerpAddressIsMatchedToItsRowByTheToken() {
        bareBounce("bounces+" + tokens.get("bea@example.org") + "@coalition.example.org", "bounce-1");

        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(LogRows.query(campaign.database(), "SELECT r.email, i.kind, i.matched_by, i.dsn_status "
                + "FROM inbound i JOIN recipient r ON r.id = i.recipient_id"))
                .extracting(r -> r.get("email") + " " + r.get("kind") + " " + r.get("matched_by") + " "
                        + r.get("dsn_status"))
                .containsExactly("bea@example.org BOUNCED VERP address 5.1.1");
        assertThat(LogRows.query(campaign.database(), "SELECT email FROM suppression"))
                .extracting(r -> r.get("email")).containsExactly("bea@example.org");
    }

    @Test
    void theSameBounceWithoutTheTokenStaysUnmatched() {
        bareBounce("bounces@coalition.example.org", "bounce-2");
        bareBounce("bounces+0123456789abcdef0123456789abcdef@coalition.example.org", "bounce-3");

        CliResult read = Cli.run("inbox", campaign.campaign());

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(LogRows.query(campaign.database(), "SELECT kind, recipient_id FROM inbound"))
                .hasSize(2).allSatisfy(r -> {
                    assertThat(r.get("kind")).isEqualTo("UNMATCHED");
                    assertThat(r.get("recipient_id")).isNull();
                });
    }

    @Test
    void theTokenInDeliveredToIsFoundWhenToStillNamesTheOrganizers() {
        organizers.deliver(GreenMailUtil.newMimeMessage("""
                Delivered-To: bounces+%s@coalition.example.org
                From: postmaster@mail.example.com
                To: letters@coalition.example.org
                Subject: Delivery failure
                Message-ID: <bounce-4@mail.example.com>
                Date: Mon, 2 Mar 2026 10:03:00 +0000

                The mailbox is full. 552 5.2.2 over quota
                """.formatted(tokens.get("cy@example.org"))));

        assertThat(Cli.run("inbox", campaign.campaign()).exitCode()).isZero();

        assertThat(LogRows.query(campaign.database(), "SELECT r.email, i.matched_by FROM inbound i "
                + "JOIN recipient r ON r.id = i.recipient_id"))
                .extracting(r -> r.get("email") + " " + r.get("matched_by"))
                .containsExactly("cy@example.org VERP address");
    }
}
