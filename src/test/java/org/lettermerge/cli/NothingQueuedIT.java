package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;

/** Asking where a campaign stands before it was sent is not a broken log: exit 0 and the command that sends it. */
class NothingQueuedIT {

    @TempDir
    Path dir;

    @Test
    void statusAndReportBeforeAnyLogSayWhatToRunAndCreateNothing() throws Exception {
        CliCampaign campaign = CliCampaign.write(Files.createDirectories(dir.resolve("c")), 2525);
        String file = campaign.file().toString();
        Path report = dir.resolve("report.html");

        CliRun status = campaign.run("status", file);
        CliRun html = campaign.run("report", file, "--out", report.toString());

        String said = "Nothing has been queued from campaign " + CliCampaign.NAME + " yet (there is no delivery log at ";
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).startsWith(said).contains("run `lettermerge send " + file + " --live`")
                .doesNotContain("Delivery log problem");
        assertThat(html.exitCode()).as(html.toString()).isZero();
        assertThat(html.out()).startsWith(said).endsWith("No report written.\n");
        assertThat(campaign.database()).doesNotExist();
        assertThat(report).doesNotExist();
    }

    @Test
    void aLogThatIsNotALogStillStopsWithExitSix() throws Exception {
        CliCampaign campaign = CliCampaign.write(Files.createDirectories(dir.resolve("c")), 2525);
        Files.writeString(campaign.database(), "not a database, but someone's notes\n");

        CliRun status = campaign.run("status", campaign.file().toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.LOG_UNAVAILABLE);
        assertThat(campaign.database()).hasContent("not a database, but someone's notes\n");
    }
}
