package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;

/** A report or preview that cannot be written is the user's path to fix: its own exit code, words, not Java. */
class OutputNotWrittenIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void aReportIntoAMissingFolderNamesTheFolderAndExitsNine() throws Exception {
        CliCampaign campaign = CliCampaign.write(Files.createDirectories(dir.resolve("c")), greenMail.getSmtp().getPort());
        assertThat(campaign.sendLive().exitCode()).isZero();
        Path out = dir.resolve("no/such/dir/r.html");

        CliRun report = campaign.run("report", campaign.file().toString(), "--out", out.toString());

        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OUTPUT_NOT_WRITTEN);
        assertThat(report.err()).contains("Nothing written: cannot write " + out)
                .contains("the folder " + dir.resolve("no/such/dir") + " does not exist. Create it first")
                .doesNotContain("Exception").doesNotContain("Unexpected");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void aPreviewIntoAPathThroughAFileSaysAFileIsInTheWay() throws Exception {
        CliCampaign campaign = CliCampaign.write(Files.createDirectories(dir.resolve("c")), greenMail.getSmtp().getPort());
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");

        CliRun preview = campaign.run("preview", campaign.file().toString(), "--out", file.resolve("eml").toString());

        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCode.OUTPUT_NOT_WRITTEN);
        assertThat(preview.err()).contains("part of that path is a file where a folder is needed")
                .doesNotContain("Exception").doesNotContain("Unexpected");
        assertThat(file).hasContent("mine\n");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
