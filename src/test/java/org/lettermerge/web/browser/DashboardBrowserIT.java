package org.lettermerge.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
import org.lettermerge.web.Dashboard;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium), over a log filled by a real send to GreenMail: what an
 * organizer does with it, each scenario saving a screenshot under target/screenshots.
 */
class DashboardBrowserIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CampaignFolder campaign;
    private Dashboard dashboard;

    @BeforeEach
    void aCampaignWentOut() throws Exception {
        campaign = CampaignFolder.sendingTo(dir, greenMail.getSmtp().getPort(), """
                email,name
                elise@example.org,Élise Dubois-Léger
                m.alhusseini@example.org,مريم الحسيني
                obrien@example.ie,O'Brien & Partners <Legal>
                """);
        CliResult sent = Cli.run("send", campaign.campaign(), "--live", "--limit", "2");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        dashboard = Dashboard.start(List.of(campaign.database()), Clock.systemUTC(), ZoneId.of("Europe/Paris"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        dashboard.close();
    }

    @Test
    void anOrganizerSignsInFindsNamesInAnyScriptAndPausesTheCampaign() {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            var browser = chromium.driver;
            browser.get(dashboard.signInUrl());

            assertThat(browser.getCurrentUrl()).endsWith("/campaigns").doesNotContain("token");
            WebElement row = browser.findElement(By.cssSelector("li.campaign[data-campaign='cli-it']"));
            assertThat(row.findElement(By.className("accepted")).getText()).isEqualTo("2");
            assertThat(row.findElement(By.className("total")).getText()).isEqualTo("3");
            chromium.screenshot("dashboard-campaigns");

            row.findElement(By.linkText("cli-it")).click();
            assertThat(browser.findElement(By.id("recipients")).getText()).contains("O'Brien & Partners <Legal>");
            search(browser, "الحسيني");
            String found = browser.findElement(By.id("recipients")).getText();
            assertThat(found).contains("مريم الحسيني").doesNotContain("Élise");
            search(browser, "LÉGER");
            assertThat(browser.findElement(By.id("recipients")).getText()).contains("Élise Dubois-Léger");
            chromium.screenshot("dashboard-search");

            WebElement pause = browser.findElement(By.id("pause"));
            pause.click();
            await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("resume")));

            assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("paused");
            assertThat(stateInTheLog()).isEqualTo(CampaignState.PAUSED);
            WebElement resume = browser.findElement(By.id("resume"));
            resume.click();
            await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("pause")));
            assertThat(stateInTheLog()).isEqualTo(CampaignState.ACTIVE);
            chromium.screenshot("dashboard-campaign");
        }
    }

    @Test
    void theCountsMoveWhileLettersGoOutWithoutReloadingThePage() {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            var browser = chromium.driver;
            browser.get(dashboard.signInUrl());
            browser.findElement(By.linkText("cli-it")).click();
            assertThat(browser.findElement(By.id("accepted")).getText()).isEqualTo("2");
            // A mark on this very page: a reload would wipe it.
            browser.executeScript("window.notReloaded = true;");

            CliResult rest = Cli.run("send", campaign.campaign(), "--live");
            assertThat(rest.exitCode()).as(rest.toString()).isZero();

            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBe(By.id("accepted"), "3"));
            assertThat(browser.findElement(By.cssSelector("[data-count='queued']")).getText()).isEqualTo("0");
            assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("finished");
            assertThat((Boolean) browser.executeScript("return window.notReloaded === true;")).isTrue();
            chromium.screenshot("dashboard-live");
        }
    }

    @Test
    void atPhoneWidthTheTableKeepsItsNamesAndAddresses() {
        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            var browser = chromium.driver;
            browser.get(dashboard.signInUrl());
            browser.findElement(By.linkText("cli-it")).click();

            WebElement table = browser.findElement(By.id("recipients"));
            assertThat(table.getText()).contains("elise@example.org").contains("مريم الحسيني");
            long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
            assertThat(viewport).isLessThanOrEqualTo(500); // Chrome's narrowest window
            assertThat((long) table.getSize().getWidth()).isLessThanOrEqualTo(viewport);
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .as("nothing scrolls sideways").isLessThanOrEqualTo(viewport);
            assertThat(browser.findElement(By.cssSelector("td[dir=auto]")).getAttribute("dir")).isEqualTo("auto");
            chromium.screenshot("dashboard-phone");

            // A recipient's page too: long Message-IDs and headers wrap rather than push the page sideways.
            browser.findElement(By.linkText("Élise Dubois-Léger")).click();
            assertThat(browser.findElement(By.id("letter-text")).getText()).startsWith("Dear Élise Dubois-Léger,");
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .as("the recipient's page does not scroll sideways").isLessThanOrEqualTo(viewport);
        }
    }

    /** Types into the search box and waits for the page it submits to. */
    private static void search(org.openqa.selenium.WebDriver browser, String text) {
        WebElement box = browser.findElement(By.id("search"));
        String before = browser.getCurrentUrl();
        box.clear();
        box.sendKeys(text);
        box.submit();
        await(browser).until(d -> !d.getCurrentUrl().equals(before) && "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Waits for what the next page shows, not for the old page to go: while a page is replaced, Chromium may answer
     * a question about an element with "node does not belong to the document" rather than "stale".
     */
    private static WebDriverWait await(org.openqa.selenium.WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    private CampaignState stateInTheLog() {
        try (DeliveryLog log = DeliveryLog.openExisting(campaign.database(), Clock.systemUTC())) {
            return log.findCampaign("cli-it").orElseThrow().state();
        }
    }
}
