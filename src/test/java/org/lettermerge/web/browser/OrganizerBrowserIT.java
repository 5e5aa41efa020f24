package org.lettermerge.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.InboundKind;
import org.lettermerge.store.InboundMessage;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.ScheduledCampaign;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;
import org.lettermerge.web.Dashboard;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an organizer does in the browser (headless Chromium) while and after a campaign goes out: watch it send
 * through `serve --run` to a slow scripted SMTP server and pause it, decide about an unknown letter (a scripted
 * server that drops the connection after the final "."), filter failures, suppress an address that asked to
 * unsubscribe (GreenMail), and create a follow-up. Each scenario saves a screenshot under target/screenshots.
 */
class OrganizerBrowserIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SIGN_IN = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+)");

    @TempDir
    Path dir;

    /** A server that takes 400 ms to accept each letter, as a busy relay does. */
    private static final Script SLOW = new Script() {
        @Override
        public Reply onDataEnd(byte[] message, int transaction) {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Script.super.onDataEnd(message, transaction);
        }
    };

    @Test
    void aCampaignSendingThroughServeRunIsWatchedPausedAndResumedFromTheBrowser() throws Exception {
        try (var server = ScriptedSmtpServer.start(SLOW)) {
            var campaign = ScheduledCampaign.write(Files.createDirectories(dir.resolve("slow")), server.port(), "",
                    "", ScheduledCampaign.recipients(20));
            String soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
            assertThat(campaign.queue(Clock.systemUTC(), soon).exitCode()).isZero();

            try (var serve = ChildLettermerge.start(dir, "serve", "--run", "--db", campaign.database().toString(),
                    "--port", "0", "--zone", "Europe/Paris");
                 HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
                WebDriver browser = chromium.driver;
                browser.get(signInAddress(serve));
                browser.findElement(By.linkText(ScheduledCampaign.NAME)).click();
                browser.findElement(By.id("accepted"));
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

                await(browser).until(d -> Integer.parseInt(d.findElement(By.id("accepted")).getText()) >= 3);
                chromium.screenshot("dashboard-sending");
                WebElement pause = browser.findElement(By.id("pause"));
                pause.click();
                await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("resume")));
                int atPause = server.messages().size();
                Thread.sleep(2_000);

                assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("paused");
                assertThat(server.messages().size()).as("at most the letter in flight when the pause came")
                        .isBetween(atPause, atPause + 1);
                assertThat(server.messages()).hasSizeLessThan(20);
                int paused = server.messages().size();
                Thread.sleep(1_500);
                assertThat(server.messages()).as("nothing starts while paused").hasSize(paused);

                browser.findElement(By.id("resume")).click();
                server.awaitMessages(20, WAIT);
                await(browser).until(ExpectedConditions.textToBe(By.id("accepted"), "20"));
                assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("finished");
                assertThat(serve.isAlive()).as(serve.output().toString()).isTrue();
                var stopped = serve.terminate();
                assertThat(stopped.exitCode()).as("128 + SIGTERM, as run exits: " + stopped).isEqualTo(143);
            }
            assertThat(server.messages()).as("each letter once").hasSize(20);
            assertThat(campaign.rows().values()).extracting(r -> r.state()).containsOnly(State.ACCEPTED);
            for (int i = 1; i <= 20; i++) {
                assertThat(server.messagesTo(ScheduledCampaign.address(i))).hasSize(1);
            }
        }
    }

    @Test
    void anUnknownLetterIsResolvedAndTheFailuresAreFilteredInTheBrowser() throws Exception {
        CampaignFolder campaign;
        Script dropsTheFirstRefusesOne = new Script() {
            @Override
            public Reply onRcpt(String address, int transaction) {
                return address.equals("gone@example.org") ? Reply.code(550, "5.1.1 No such user")
                        : Script.super.onRcpt(address, transaction);
            }

            @Override
            public Reply onDataEnd(byte[] message, int transaction) {
                return transaction == 0 ? Reply.drop() : Script.super.onDataEnd(message, transaction);
            }
        };
        try (var server = ScriptedSmtpServer.start(dropsTheFirstRefusesOne)) {
            campaign = CampaignFolder.sendingTo(dir, server.port(), """
                    email,name
                    ana@example.org,Ana Lima
                    gone@example.org,Gone Away
                    m.alhusseini@example.org,مريم الحسيني
                    """);
            CliResult sent = Cli.run("send", campaign.campaign(), "--live");
            assertThat(sent.exitCode()).as(sent.toString()).isNotZero();
        }
        assertThat(state(campaign, "ana@example.org")).isEqualTo(State.UNKNOWN);

        try (Dashboard dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(),
                ZoneId.of("Europe/Paris"), 0); HeadlessChromium chromium = new HeadlessChromium(1280, 1000)) {
            WebDriver browser = chromium.driver;
            browser.get(dashboard.signInUrl());
            browser.findElement(By.linkText("cli-it")).click();
            WebElement decisions = browser.findElement(By.id("decisions"));
            assertThat(decisions.getText()).contains("ana@example.org").contains("gone@example.org")
                    .contains("5.1.1 No such user");
            chromium.screenshot("dashboard-decisions");

            WebElement arrived = browser.findElement(By.cssSelector("li.unknown button[value='accepted']"));
            arrived.click();
            await(browser).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.unknown"), 0));
            assertThat(state(campaign, "ana@example.org")).isEqualTo(State.ACCEPTED);
            assertThat(browser.findElements(By.cssSelector("li.unknown"))).isEmpty();

            new Select(browser.findElement(By.id("state-filter"))).selectByValue("failed");
            WebElement show = browser.findElement(By.cssSelector("form[role=search] button"));
            show.click();
            await(browser).until(ExpectedConditions.urlContains("state=failed"));
            await(browser).until(d -> !d.findElement(By.id("recipients")).getText().contains("ana@example.org"));
            assertThat(browser.findElement(By.id("recipients")).getText()).contains("gone@example.org")
                    .doesNotContain("ana@example.org").doesNotContain("مريم");
            chromium.screenshot("dashboard-failed");
        }
    }

    @Test
    void anAddressThatAskedToUnsubscribeIsSuppressedAndAFollowUpIsCreatedFromTheBrowser() throws Exception {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                elise@example.org,Élise Dubois-Léger
                bo@example.org,Bo Silva
                m.alhusseini@example.org,مريم الحسيني
                """).write("reminder.txt.mustache", "Dear {{name}},\n\nA reminder about our letter of {{original_date}}.\n");
        assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            var ref = log.inbox().byAddress(log.findCampaign("cli-it").orElseThrow(), "bo@example.org").orElseThrow();
            log.inbox().record(new InboundMessage("<stop-1@example.org>", InboundKind.REPLIED, Instant.now(),
                    "bo@example.org", "Re: A letter", "Please remove me from your list", null, null, "In-Reply-To",
                    ref, true));
        }

        try (Dashboard dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(),
                ZoneId.of("Europe/Paris"), 0); HeadlessChromium chromium = new HeadlessChromium(1280, 1000)) {
            WebDriver browser = chromium.driver;
            browser.get(dashboard.signInUrl());
            browser.findElement(By.linkText("cli-it")).click();
            WebElement reason = browser.findElement(By.cssSelector("li.unsubscribe input[name=reason]"));
            reason.clear();
            reason.sendKeys("asked by reply on 4 December");
            reason.submit();
            await(browser).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.unsubscribe"), 0));
            try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
                assertThat(log.suppressions().list()).singleElement().satisfies(e -> {
                    assertThat(e.email()).isEqualTo("bo@example.org");
                    assertThat(e.reason()).isEqualTo("asked by reply on 4 December");
                });
            }
            assertThat(browser.findElements(By.id("decisions"))).isEmpty();

            browser.findElement(By.id("new-followup")).click();
            WebElement template = browser.findElement(By.id("template"));
            assertThat(template.getAttribute("value")).as("the reminder beside the letter is offered")
                    .isEqualTo("reminder.txt.mustache");
            new Select(browser.findElement(By.id("who"))).selectByValue("no-reply");
            browser.findElement(By.id("preview-followup")).click();
            WebElement count = await(browser)
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("followup-count")));
            assertThat(count.getText()).as("bo@ replied: a no-reply reminder is not for him").isEqualTo("2");
            assertThat(browser.findElement(By.id("preview-text")).getText()).contains("Dear Élise Dubois-Léger,");
            chromium.screenshot("dashboard-followup");
            browser.findElement(By.id("create-followup")).click();

            WebElement followups = await(browser)
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("followups")));
            assertThat(followups.getText()).contains("cli-it-followup-1").contains("no-reply");
            try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
                var counts = log.counts(log.findCampaign("cli-it-followup-1").orElseThrow());
                assertThat(counts).containsEntry(State.QUEUED, 2);
            }

            browser.findElement(By.linkText("Élise Dubois-Léger")).click();
            assertThat(browser.findElement(By.id("letter-text")).getText()).startsWith("Dear Élise Dubois-Léger,");
            assertThat(browser.findElement(By.id("headers")).getText()).contains("Subject A letter for Élise Dubois-Léger");
            chromium.screenshot("dashboard-recipient");
        }
    }

    /**
     * Waits for what the next page shows, not for the old page to go: while a page is replaced, Chromium may answer
     * a question about an element with "node does not belong to the document" rather than "stale".
     */
    private static WebDriverWait await(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    private static String signInAddress(ChildLettermerge serve) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SIGN_IN.matcher(serve.output().out());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(serve.isAlive()).as(serve.output().toString()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no sign-in address: " + serve.output());
    }

    private static State state(CampaignFolder campaign, String email) {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            var c = log.findCampaign("cli-it").orElseThrow();
            return log.recipients(c).stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow().state();
        }
    }
}
