package org.lettermerge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.LogRows;

/**
 * {@code serve --read-mailboxes} in a child process (the built jar, as organizers run it): a reply that arrives in
 * the organizers' mailbox (GreenMail's IMAP) while the dashboard is open shows on its page, with nobody running
 * {@code lettermerge inbox}.
 */
class ServeMailboxesIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Pattern SIGN_IN = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/\\?token=\\S+");

    @TempDir
    Path dir;

    @Test
    void aReplyThatArrivesWhileTheDashboardIsOpenShowsOnItsPage() throws Exception {
        GreenMailUser organizers = greenMail.setUser("letters@coalition.example.org", "letters",
                System.getenv("LETTERMERGE_TEST_MAILBOX_PASSWORD"));
        CampaignFolder campaign = CampaignFolder.withMailbox(dir, greenMail, "", """
                email,name
                ana@example.org,Ana Lima
                bo@example.org,Bo Silva
                """);
        assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();
        String messageId = (String) LogRows.query(campaign.database(),
                "SELECT message_id FROM recipient WHERE email = 'bo@example.org'").get(0).get("message_id");

        try (var serve = ChildLettermerge.start(dir, "serve", "--db", campaign.database().toString(), "--port", "0",
                "--read-mailboxes", "1s")) {
            Matcher address = awaitSignIn(serve);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = http.send(HttpRequest.newBuilder(URI.create(address.group())).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

            organizers.deliver(GreenMailUtil.newMimeMessage("""
                    From: Bo Silva <bo@example.org>
                    To: letters@coalition.example.org
                    Subject: Re: A letter for Bo Silva
                    In-Reply-To: %s
                    Message-ID: <reply-1@example.org>

                    Thank you, we will meet you next week.
                    """.formatted(messageId)));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String page = "";
            while (System.nanoTime() < deadline && !page.contains("<span id=\"replied\">1</span>")) {
                Thread.sleep(300);
                page = http.send(HttpRequest.newBuilder(URI.create(address.group(1) + "/campaign?log=0&c=cli-it"))
                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(page).as(serve.output().toString()).contains("<span id=\"replied\">1</span> replied");
            String recipient = http.send(HttpRequest.newBuilder(URI.create(address.group(1)
                    + "/campaign?log=0&c=cli-it&answer=replied")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(recipient.substring(recipient.indexOf("<h2>Recipients</h2>"))).contains("bo@example.org")
                    .doesNotContain("ana@example.org");
        }
    }

    private static Matcher awaitSignIn(ChildLettermerge serve) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Matcher m = SIGN_IN.matcher(serve.output().out());
            if (m.find()) {
                return m;
            }
            assertThat(serve.isAlive()).as(serve.output().toString()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no sign-in address: " + serve.output());
    }
}
