package org.lettermerge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;

/**
 * The dashboard over a real delivery log filled by a real send to GreenMail, through a real HTTP client: sign-in,
 * what a page shows, and every guard (session, Host, form token, origin, escaping, paths outside the pages).
 */
class DashboardIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String XSS = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    private CampaignFolder campaign;
    private Dashboard dashboard;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void aCampaignWentOut() throws Exception {
        campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                ana@example.org,Élise Dubois-Léger
                x@example.org,"%s"
                m.alhusseini@example.org,مريم الحسيني
                """.formatted(XSS));
        CliResult sent = Cli.run("send", campaign.campaign(), "--live");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(), ZoneId.of("Europe/Paris"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        dashboard.close();
    }

    @Test
    void theSignInAddressWorksOnceAndLeavesNoTokenInAnyAddress() throws Exception {
        HttpResponse<String> first = get(dashboard.signInUrl(), null);
        HttpResponse<String> again = get(dashboard.signInUrl(), null);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/campaigns");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(again.statusCode()).isEqualTo(403);
        HttpResponse<String> campaigns = get(base() + "/campaigns", session(first));
        assertThat(campaigns.statusCode()).isEqualTo(200);
        assertThat(campaigns.body()).contains("cli-it").contains("<span class=\"accepted\">3</span> of <span"
                + " class=\"total\">3</span>").doesNotContain("token=");
        assertThat(campaigns.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void withoutASessionOrWithAWrongTokenNothingIsShown() throws Exception {
        assertThat(get(base() + "/campaigns", null).statusCode()).isEqualTo(401);
        assertThat(get(base() + "/?token=wrong", null).statusCode()).isEqualTo(403);
        assertThat(get(base() + "/campaigns", "lettermerge_session=made-up").statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedAsARebindingPageWouldSendIt() throws Exception {
        String response = DashboardClient.raw(dashboard.port(), "GET /campaigns HTTP/1.1\r\nHost: evil.example:" + dashboard.port()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 421");
    }

    @Test
    void namesAreEscapedAndFoundInAnyScript() throws Exception {
        String cookie = signIn();

        HttpResponse<String> page = get(base() + "/campaign?log=0&c=cli-it", cookie);
        HttpResponse<String> arabic = get(base() + "/campaign?log=0&c=cli-it&q="
                + java.net.URLEncoder.encode("الحسيني", StandardCharsets.UTF_8), cookie);
        HttpResponse<String> accents = get(base() + "/campaign?log=0&c=cli-it&q="
                + java.net.URLEncoder.encode("léger", StandardCharsets.UTF_8), cookie);

        // Mustache escapes = too (as &#61;): the browser shows the name exactly as written, as text.
        assertThat(page.body()).contains("<figure id=\"chart\"").contains("<svg class=\"chart\"")
                .contains("data-count=\"3\"");
        assertThat(page.body()).contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;").doesNotContain(XSS)
                .doesNotContain("<img");
        assertThat(arabic.body()).contains("m.alhusseini@example.org").doesNotContain("ana@example.org");
        assertThat(accents.body()).contains("ana@example.org").doesNotContain("x@example.org");
    }

    @Test
    void aRecipientPageShowsTheLettersHistory() throws Exception {
        String cookie = signIn();
        String page = get(base() + "/campaign?log=0&c=cli-it", cookie).body();
        Matcher link = Pattern.compile("href=\"(/recipient\\?[^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();

        HttpResponse<String> recipient = get(base() + link.group(1).replace("&amp;", "&").replace("&#61;", "="), cookie);

        assertThat(recipient.statusCode()).isEqualTo(200);
        assertThat(recipient.body()).contains("ana@example.org").contains("accepted").contains("250");
    }

    @Test
    void pathsOutsideThePagesAndAssetsAreNotFound() throws Exception {
        String cookie = signIn();

        HttpResponse<String> traversal = get(base() + "/assets/../../../../etc/passwd", cookie);
        assertThat(traversal.statusCode()).isIn(400, 404); // Jetty refuses the ambiguous path before it reaches us
        assertThat(traversal.body()).doesNotContain("root:");
        assertThat(get(base() + "/assets/other.css", cookie).statusCode()).isEqualTo(404);
        assertThat(get(base() + "/assets/live.js", null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(get(base() + "/api/campaigns", null).statusCode()).isEqualTo(401);
        assertThat(get(base() + "/api/campaigns", cookie).body()).contains("\"name\":\"cli-it\"")
                .contains("\"accepted\":3");
        assertThat(get(base() + "/campaigns.mustache", cookie).statusCode()).isEqualTo(404);
        assertThat(get(base() + "/assets/dashboard.css", null).statusCode()).isEqualTo(200);
        assertThat(get(base() + "/campaign?log=7&c=cli-it", cookie).statusCode()).isEqualTo(404);
    }

    @Test
    void aPauseWithoutTheFormTokenOrFromAnotherOriginChangesNothingAndWithThemItPausesInTheLog() throws Exception {
        String cookie = signIn();
        String page = get(base() + "/campaign?log=0&c=cli-it", cookie).body();
        String csrf = DashboardClient.csrf(page);

        int noToken = post("/pause", "log=0&c=cli-it", cookie, base()).statusCode();
        int wrongToken = post("/pause", "csrf=nope&log=0&c=cli-it", cookie, base()).statusCode();
        int otherOrigin = post("/pause", "csrf=" + csrf + "&log=0&c=cli-it", cookie,
                "http://evil.example").statusCode();
        assertThat(List.of(noToken, wrongToken, otherOrigin)).containsOnly(403);
        assertThat(state()).isEqualTo(CampaignState.ACTIVE);

        HttpResponse<String> paused = post("/pause", "csrf=" + csrf + "&log=0&c=cli-it", cookie, base());

        assertThat(paused.statusCode()).isEqualTo(303);
        assertThat(state()).isEqualTo(CampaignState.PAUSED);
        assertThat(get(base() + "/campaign?log=0&c=cli-it", cookie).body()).contains("id=\"resume\"");
    }

    @Test
    void aCancelFromThePageIsFinalInTheLog() throws Exception {
        CliResult more = Cli.run("send", campaign.campaign(), "--live"); // nothing left: it is finished
        assertThat(more.exitCode()).isZero();
        String cookie = signIn();
        assertThat(get(base() + "/campaign?log=0&c=cli-it", cookie).body()).as("a finished campaign")
                .doesNotContain("id=\"cancel\"");
        String csrf = DashboardClient.csrf(get(base() + "/campaign?log=0&c=cli-it", cookie).body());

        HttpResponse<String> cancelled = post("/cancel", "csrf=" + csrf + "&log=0&c=cli-it", cookie, base());

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(state()).isEqualTo(CampaignState.CANCELLED);
    }

    @Test
    void theReportDownloadsAsTheCliWritesItAndARecipientPageShowsTheirAnswers() throws Exception {
        String cookie = signIn();

        HttpResponse<String> report = get(base() + "/report?log=0&c=cli-it", cookie);
        HttpResponse<String> recipient = get(base() + "/recipient?log=0&c=cli-it&id=1", cookie);

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"report-cli-it.html\"");
        assertThat(report.body()).contains("<h1>A letter for …</h1>").contains("accepted by the mail server");
        assertThat(recipient.body()).contains("id=\"answers\"").contains("No reply yet");
    }

    @Test
    void serveNamesAMissingLogAndStartsNothing() {
        CliResult serve = Cli.run("serve", "--db", dir.resolve("logz/example.db").toString(), "--port", "0");

        assertThat(serve.exitCode()).as(serve.toString()).isEqualTo(6);
        assertThat(serve.err()).contains("no delivery log at").contains("example.db");
    }

    private CampaignState state() {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            return log.findCampaign("cli-it").orElseThrow().state();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + dashboard.port();
    }

    private String signIn() throws Exception {
        return session(get(dashboard.signInUrl(), null));
    }

    private static String session(HttpResponse<String> signIn) {
        return signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie)
                .header("Origin", origin).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
