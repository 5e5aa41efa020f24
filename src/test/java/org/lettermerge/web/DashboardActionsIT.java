package org.lettermerge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.store.State;
import org.lettermerge.store.Suppressions;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/**
 * What the organizer does from the dashboard, over HTTP against a log filled by a real send to GreenMail: the
 * downloads (the very files status writes), the suppression list, a follow-up previewed then created, the letter
 * as sent, and pages that cannot write to the log.
 */
class DashboardActionsIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CampaignFolder campaign;
    private Dashboard dashboard;
    private DashboardClient browser;

    @BeforeEach
    void aCampaignWentOut() throws Exception {
        campaign = CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: {host: 127.0.0.1, port: "
                        + greenMail.getSmtp().getPort() + ", security: none}\nhtml_template: letter.html.mustache"))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("letter.html.mustache", "<p>Dear {{name}},</p><p>We write about justice.</p>")
                .write("reminder.txt.mustache", "Dear {{name}},\n\nA reminder about our letter of {{original_date}}.\n")
                .write("recipients.csv", """
                        email,name
                        ana@example.org,Élise Dubois-Léger
                        bo@example.org,"=HYPERLINK(""http://x"")"
                        m.alhusseini@example.org,مريم الحسيني
                        """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(), ZoneId.of("Europe/Paris"), 0);
        browser = DashboardClient.signedIn(dashboard);
    }

    @AfterEach
    void stop() throws Exception {
        dashboard.close();
    }

    @Test
    void theStatusDownloadsAreTheFilesStatusWrites() throws Exception {
        HttpResponse<String> csv = browser.get("/status.csv?log=0&c=cli-it");
        HttpResponse<String> failedOnly = browser.get("/status.csv?log=0&c=cli-it&state=failed");
        HttpResponse<String> json = browser.get("/status.json?log=0&c=cli-it");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"status-cli-it.csv\"");
        assertThat(csv.body()).isEqualTo(Cli.run("status", campaign.campaign(), "--format", "csv").out());
        assertThat(csv.body()).startsWith("\uFEFFemail,name,state").contains("'=HYPERLINK");
        assertThat(failedOnly.body().lines()).hasSize(1);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"campaign\" : \"cli-it\"").contains("\"email\" : \"m.alhusseini@example.org\"")
                .contains("مريم الحسيني");
    }

    @Test
    void anAddressIsSuppressedAndTakenOffAgainWithEachReasonKept() throws Exception {
        String page = browser.get("/suppressions?log=0").body();

        HttpResponse<String> notAnAddress = browser.post("/suppress", page, "log", "0", "email", "ana at example");
        HttpResponse<String> added = browser.post("/suppress", page, "log", "0", "email", " Ana@Example.org ",
                "reason", "asked by phone");
        String listed = browser.get("/suppressions?log=0").body();
        boolean suppressed = suppressed("ana@example.org");
        HttpResponse<String> removed = browser.post("/unsuppress", page, "log", "0", "email", "ana@example.org",
                "reason", "it was a mistake");

        assertThat(notAnAddress.statusCode()).isEqualTo(400);
        assertThat(notAnAddress.body()).contains("not a usable address").contains("nothing was changed");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/suppressions?log=0");
        assertThat(suppressed).isTrue();
        assertThat(listed).contains("Ana@Example.org").contains("asked by phone").contains("dashboard (");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(suppressed("ana@example.org")).isFalse();
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            assertThat(log.suppressions().history()).extracting(Suppressions.Change::action, Suppressions.Change::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Suppressions.Action.ADDED, "asked by phone"),
                            org.assertj.core.groups.Tuple.tuple(Suppressions.Action.REMOVED, "it was a mistake"));
        }
    }

    @Test
    void aFollowUpIsPreviewedWithoutChangingAnythingThenCreatedAndListed() throws Exception {
        String form = "/followup?log=0&c=cli-it&who=no-reply&template=reminder.txt.mustache&start=&subject="
                + URLEncoder.encode("Re: {{original_subject}}", StandardCharsets.UTF_8);

        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            log.suppressions().add("bo@example.org", "asked by phone", Suppressions.Source.MANUAL, "test");
        }
        HttpResponse<String> preview = browser.get(form);
        int followupsAfterPreview = followups();
        HttpResponse<String> created = browser.post("/followup", preview.body(), "log", "0", "c", "cli-it",
                "who", "no-reply", "template", "reminder.txt.mustache", "start", "", "subject", "Re: {{original_subject}}");
        String campaignPage = browser.get("/campaign?log=0&c=cli-it").body();
        HttpResponse<String> again = browser.get(form);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<strong id=\"followup-count\">2</strong> recipients would get cli-it-followup-1")
                .contains("1 more on the suppression list would be skipped")
                .contains("Dear Élise Dubois-Léger,").contains("A reminder about our letter of")
                .contains("Re: A letter for Élise Dubois-Léger");
        assertThat(followupsAfterPreview).isZero();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(followups()).isEqualTo(1);
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            assertThat(log.counts(log.findCampaign("cli-it-followup-1").orElseThrow())).containsEntry(State.QUEUED, 2)
                    .containsEntry(State.SKIPPED, 1);
        }
        assertThat(campaignPage).contains("cli-it-followup-1").contains("(no-reply)");
        assertThat(again.body()).as("a second one while the first waits is refused, as followup refuses it")
                .contains("id=\"problems\"").doesNotContain("id=\"create-followup\"");

        CliResult reminded = Cli.run("run", "--db", campaign.database().toString(), "--once");
        assertThat(reminded.exitCode()).as(reminded.toString()).isZero();
        String remindedOnly = browser.get("/campaign?log=0&c=cli-it&followup=reminded").body();
        assertThat(remindedOnly.substring(remindedOnly.indexOf("<h2>Recipients</h2>")))
                .contains("ana@example.org").contains("m.alhusseini@example.org").doesNotContain("bo@example.org");
    }

    @Test
    void aRecipientPageShowsTheLetterAsSentAndSaysWhenTheFilesChangedSince() throws Exception {
        String messageId;
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            messageId = log.recipients(log.findCampaign("cli-it").orElseThrow()).get(0).messageId();
        }

        String page = browser.get("/recipient?log=0&c=cli-it&id=1").body();
        HttpResponse<String> html = browser.get("/letter?log=0&c=cli-it&id=1");
        campaign.write("letter.txt.mustache", "Hello {{name}}.\n");
        String changed = browser.get("/recipient?log=0&c=cli-it&id=1").body();

        assertThat(page).contains("<th scope=\"row\">Subject</th><td dir=\"auto\">A letter for Élise Dubois-Léger</td>")
                .contains(messageId.replace("<", "&lt;").replace(">", "&gt;").replace("=", "&#61;"))
                .contains("Dear Élise Dubois-Léger,").contains("unchanged since it was sent")
                .contains("<iframe id=\"letter-html\"").doesNotContain("id=\"letter-rebuilt\"");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox;")
                .contains("default-src 'none'");
        assertThat(html.body()).contains("<p>Dear Élise Dubois-Léger,</p>");
        assertThat(changed).contains("id=\"letter-rebuilt\"").contains("Hello Élise Dubois-Léger.");
    }

    @Test
    void theTableSortsByNameAddressOrStateAndPagesFollowTheOrder() throws Exception {
        String byName = browser.get("/campaign?log=0&c=cli-it&sort=name").body();
        String byAddress = browser.get("/campaign?log=0&c=cli-it&sort=address").body();

        assertThat(byName.indexOf("HYPERLINK")).isLessThan(byName.indexOf("Élise")); // "=" sorts before "É"
        assertThat(byName.indexOf("Élise")).isLessThan(byName.indexOf("مريم"));
        assertThat(byName).contains("aria-sort=\"ascending\"><a id=\"sort-name\"");
        assertThat(byAddress.indexOf("ana@example.org")).isLessThan(byAddress.indexOf("bo@example.org"));
        assertThat(byAddress.indexOf("bo@example.org")).isLessThan(byAddress.indexOf("m.alhusseini@example.org"));
        assertThat(browser.get("/campaign?log=0&c=cli-it&sort=sideways").statusCode()).isEqualTo(404);

        // A page at a time, each after the last row's key and id: every row once, in order.
        try (DeliveryLog log = DeliveryLog.openReadOnly(campaign.database(), Clock.systemUTC())) {
            var c = log.findCampaign("cli-it").orElseThrow();
            var order = org.lettermerge.store.RecipientListing.Order.NAME;
            List<String> seen = new java.util.ArrayList<>();
            String key = "";
            long after = 0;
            for (var page = log.listing().page(c, order, key, after, null, null, 1); !page.isEmpty();
                 page = log.listing().page(c, order, key, after, null, null, 1)) {
                seen.add(page.get(0).email());
                key = order.key(page.get(0));
                after = page.get(0).id();
            }
            assertThat(seen).containsExactly("bo@example.org", "ana@example.org", "m.alhusseini@example.org");
        }
    }

    @Test
    void aSearchFindsANameWhateverTheCaseOfItsAccentedLetters() throws Exception {
        for (String typed : List.of("élise", "ÉLISE DUBOIS-LÉGER", "E\u0301lise")) { // the last: e + combining acute
            String page = browser.get("/campaign?log=0&c=cli-it&q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8))
                    .body();
            String table = page.substring(page.indexOf("<h2>Recipients</h2>"));
            assertThat(table).as(typed).contains("ana@example.org").doesNotContain("bo@example.org");
        }
    }

    @Test
    void thePagesReadTheLogThroughAConnectionThatCannotWrite() {
        Logs logs = new Logs(List.of(campaign.database()), Clock.systemUTC());

        try (DeliveryLog log = logs.read(0)) {
            assertThat(log.findCampaign("cli-it")).isPresent();
            assertThatThrownBy(() -> log.suppressions().add("ana@example.org", "by mistake",
                    Suppressions.Source.MANUAL, "test")).isInstanceOf(DeliveryLogException.class);
        }
        assertThat(suppressed("ana@example.org")).isFalse();
    }

    @Test
    void sharedBehindAProxyItAnswersOnlyToItsPublicAddressWithAPasswordAndSecureCookies() throws Exception {
        try (Dashboard shared = Dashboard.start(new Dashboard.Options(List.of(campaign.database()), ZoneId.of("UTC"),
                "127.0.0.1", 0, URI.create("https://letters.example.org"), "correct horse battery"), Clock.systemUTC())) {
            String wrong = signIn(shared, "letters.example.org", "https://letters.example.org", "correct horse");
            String right = signIn(shared, "letters.example.org", "https://letters.example.org", "correct horse battery");
            String otherOrigin = signIn(shared, "letters.example.org", "https://evil.example", "correct horse battery");
            String localHost = signIn(shared, "127.0.0.1:" + shared.port(), "https://letters.example.org",
                    "correct horse battery");

            assertThat(wrong).startsWith("HTTP/1.1 403");
            assertThat(right).startsWith("HTTP/1.1 303").contains("Secure").contains("HttpOnly")
                    .contains("SameSite=Strict");
            assertThat(otherOrigin).startsWith("HTTP/1.1 403");
            assertThat(localHost).startsWith("HTTP/1.1 421");
            assertThat(shared.signInUrl()).startsWith("https://letters.example.org/?token=");
        }
    }

    @Test
    void serveRefusesToListenBeyondThisMachineWithoutAPublicHttpsAddressAndAPassword() {
        CliResult noUrl = Cli.run("serve", "--db", campaign.database().toString(), "--port", "0", "--bind", "0.0.0.0");
        CliResult plainHttp = Cli.run("serve", "--db", campaign.database().toString(), "--port", "0", "--bind",
                "0.0.0.0", "--public-url", "http://letters.example.org");

        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("--public-url");
        assertThat(plainHttp.exitCode()).isEqualTo(2);
        assertThat(plainHttp.err()).contains("https");
    }

    @Test
    void serveOnAPortAlreadyInUseSaysSoAndWhatToDo() {
        CliResult second = Cli.run("serve", "--db", campaign.database().toString(), "--port",
                String.valueOf(dashboard.port()));

        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("port " + dashboard.port() + " on 127.0.0.1 is already in use")
                .contains("--port").doesNotContain("Exception");
    }

    private static String signIn(Dashboard d, String host, String origin, String password) throws Exception {
        String body = "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return DashboardClient.raw(d.port(), "POST /signin HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private boolean suppressed(String address) {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            return log.suppressions().isSuppressed(address);
        }
    }

    private int followups() {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            return log.followups().ofParent(log.findCampaign("cli-it").orElseThrow()).size();
        }
    }
}
