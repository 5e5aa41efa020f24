package org.lettermerge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A letter whose outcome is UNKNOWN (a scripted SMTP server drops the connection after the final ".", which
 * GreenMail cannot do) is listed under "Needs a decision", and the organizer's choice there is what
 * {@code lettermerge resolve} records; the state filter shows one state's rows.
 */
class DashboardDecisionsIT {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anUnknownLetterIsListedForADecisionAndTheDecisionIsRecorded() throws Exception {
        CampaignFolder campaign;
        try (var server = ScriptedSmtpServer.start(Script.dropAfterFinalDot(0))) {
            campaign = CampaignFolder.sendingTo(dir, server.port(), """
                    email,name
                    ana@example.org,Ana Lima
                    bo@example.org,Bo Silva
                    """);
            CliResult sent = Cli.run("send", campaign.campaign(), "--live");
            assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(5);
        }
        assertThat(state(campaign, "ana@example.org")).isEqualTo(State.UNKNOWN);

        try (Dashboard dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(), ZoneOffset.UTC, 0)) {
            String base = "http://127.0.0.1:" + dashboard.port();
            String cookie = get(dashboard.signInUrl(), null).headers().firstValue("Set-Cookie").orElseThrow()
                    .split(";")[0];
            String page = get(base + "/campaign?log=0&c=cli-it", cookie).body();
            String unknownOnly = get(base + "/campaign?log=0&c=cli-it&state=unknown", cookie).body();

            assertThat(page).contains("id=\"decisions\"").contains("Needs a decision");
            assertThat(section(page)).contains("ana@example.org").doesNotContain("bo@example.org");
            assertThat(table(unknownOnly)).contains("ana@example.org").doesNotContain("bo@example.org");
            Matcher id = Pattern.compile("name=\"id\" value=\"(\\d+)\"").matcher(page);
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(id.find() && csrf.find()).isTrue();

            HttpResponse<String> decided = post(base, "/resolve", cookie, "csrf=" + csrf.group(1)
                    + "&log=0&c=cli-it&id=" + id.group(1) + "&as=accepted");

            assertThat(decided.statusCode()).isEqualTo(303);
            assertThat(state(campaign, "ana@example.org")).isEqualTo(State.ACCEPTED);
            assertThat(get(base + "/campaign?log=0&c=cli-it", cookie).body()).doesNotContain("id=\"decisions\"");
        }
    }

    @Test
    void aReplyAskingToUnsubscribeIsOneClickFromTheSuppressionList() throws Exception {
        CampaignFolder campaign;
        try (var server = ScriptedSmtpServer.start()) {
            campaign = CampaignFolder.sendingTo(dir, server.port(), """
                    email,name
                    ana@example.org,Ana Lima
                    bo@example.org,Bo Silva
                    """);
            assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();
        }
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            var c = log.findCampaign("cli-it").orElseThrow();
            var ref = log.inbox().byAddress(c, "bo@example.org").orElseThrow();
            assertThat(log.inbox().record(new InboundMessage("<stop-1@example.org>", InboundKind.REPLIED,
                    java.time.Instant.now(), "bo@example.org", "Re: A letter", "Please unsubscribe me", null, null,
                    "In-Reply-To", ref, true))).isTrue();
        }

        try (Dashboard dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(), ZoneOffset.UTC, 0)) {
            String base = "http://127.0.0.1:" + dashboard.port();
            String cookie = get(dashboard.signInUrl(), null).headers().firstValue("Set-Cookie").orElseThrow()
                    .split(";")[0];
            String page = get(base + "/campaign?log=0&c=cli-it", cookie).body();
            assertThat(section(page)).contains("bo@example.org").contains("asking to unsubscribe")
                    .doesNotContain("ana@example.org").doesNotContain("connection was lost");
            String replied = table(get(base + "/campaign?log=0&c=cli-it&answer=replied", cookie).body());
            String bounced = table(get(base + "/campaign?log=0&c=cli-it&answer=bounced", cookie).body());
            assertThat(replied).contains("bo@example.org").doesNotContain("ana@example.org");
            assertThat(bounced).contains("id=\"no-recipients\"").doesNotContain("@example.org");
            // A search within an answer filter matches as the table's own search does: address or name, any case.
            String repliedSilva = table(get(base + "/campaign?log=0&c=cli-it&answer=replied&q=SILVA", cookie).body());
            String repliedLima = table(get(base + "/campaign?log=0&c=cli-it&answer=replied&q=lima", cookie).body());
            assertThat(repliedSilva).contains("bo@example.org");
            assertThat(repliedLima).contains("id=\"no-recipients\"").doesNotContain("@example.org");
            Matcher form = Pattern.compile("action=\"/suppress\"><input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\""
                    + ".*?name=\"id\" value=\"(\\d+)\"").matcher(page);
            assertThat(form.find()).isTrue();

            HttpResponse<String> suppressed = post(base, "/suppress", cookie, "csrf=" + form.group(1)
                    + "&log=0&c=cli-it&id=" + form.group(2) + "&reason=asked+by+reply");

            assertThat(suppressed.statusCode()).isEqualTo(303);
            try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
                assertThat(log.suppressions().list()).singleElement().satisfies(e -> {
                    assertThat(e.email()).isEqualTo("bo@example.org");
                    assertThat(e.reason()).isEqualTo("asked by reply");
                });
            }
            assertThat(get(base + "/campaign?log=0&c=cli-it", cookie).body()).doesNotContain("id=\"decisions\"");
        }
    }

    private static String section(String page) {
        return page.substring(page.indexOf("id=\"decisions\""), page.indexOf("<h2>Recipients</h2>"));
    }

    private static String table(String page) {
        return page.substring(page.indexOf("<h2>Recipients</h2>"));
    }

    private static State state(CampaignFolder campaign, String email) {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            var c = log.findCampaign("cli-it").orElseThrow();
            return log.recipients(c).stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow().state();
        }
    }

    /** A form the dashboard's own page submits: its session cookie and its origin. */
    private HttpResponse<String> post(String base, String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
