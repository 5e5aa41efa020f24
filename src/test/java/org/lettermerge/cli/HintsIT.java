package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;

/**
 * Every command the CLI suggests does what was asked, on the log and server the user named: run as printed (split
 * as a POSIX shell splits it), it must not send now what was meant for later, nor act on another log.
 */
class HintsIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void aDryRunWithAtSuggestsTheLiveCommandForThatTimeWithEveryOptionGivenAndItSchedulesNothingSendsNow()
            throws Exception {
        CliCampaign campaign = campaign();
        Path log = dir.resolve("other log.db");
        String at = "2030-01-07 09:00 Europe/Paris";

        CliRun dryRun = campaign.run("send", campaign.file().toString(), "--at", at, "--db", log.toString(),
                "--smtp-port", String.valueOf(port()), "--rate", "30/min", "--limit", "3");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        String hint = "lettermerge send '" + campaign.file() + "' --live --at '2030-01-07 09:00 Europe/Paris' --db '"
                + log + "' --smtp-port " + port() + " --rate 30/min --limit 3";
        assertThat(dryRun.out()).contains("To queue them to go out at " + at + ": " + hint + "\n");

        CliRun asPrinted = campaign.run(shellWords(hint));

        assertThat(asPrinted.exitCode()).as(asPrinted.toString()).isZero();
        assertThat(asPrinted.out()).contains("Scheduled: its letters go out from 2030-01-07T08:00:00Z");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(Files.exists(log)).isTrue();
        assertThat(Files.exists(campaign.database())).isFalse();
    }

    @Test
    void aDryRunWithoutOptionsSuggestsJustLive() {
        CliCampaign campaign = campaign();

        CliRun dryRun = campaign.run("send", campaign.file().toString());

        assertThat(dryRun.out()).contains("To send them: lettermerge send '" + campaign.file() + "' --live\n");
    }

    @Test
    void statusOfAFollowupNotYetCreatedPointsToFollowupOnceTheLetterWentOutAndToSendBefore() {
        CliCampaign campaign = campaign();
        Path log = dir.resolve("log.db");
        String file = campaign.file().toString();

        assertThat(campaign.run("suppress", "add", "nobody@example.org", "--reason", "test", "--db", log.toString(),
                "--create").exitCode()).isZero();
        CliRun beforeSending = campaign.run("status", file, "--followup", "1", "--db", log.toString());
        CliRun report = campaign.run("report", file, "--db", log.toString(), "--out", dir.resolve("r.html").toString());
        assertThat(campaign.run("send", file, "--live", "--db", log.toString()).exitCode()).isZero();
        CliRun afterSending = campaign.run("status", file, "--followup", "1", "--db", log.toString());
        CliRun resume = campaign.run("resume", file, "--followup", "1", "--db", log.toString());

        assertThat(beforeSending.out()).as(beforeSending.toString())
                .contains("Campaign fault-drill has not been queued in")
                .contains("Send it with lettermerge send '" + file + "' --live --db " + log + "\n");
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OK);
        assertThat(report.out()).contains("Campaign fault-drill has not been queued in")
                .contains("no report written. Send it with lettermerge send '" + file + "' --live --db " + log);
        assertThat(dir.resolve("r.html")).doesNotExist();
        assertThat(afterSending.out()).as(afterSending.toString())
                .contains("Follow-up 1 of campaign fault-drill has not been created in")
                .contains("Create it with lettermerge followup '" + file + "' --template TEMPLATE --who no-reply --db "
                        + log + "\n")
                .doesNotContain("send");
        assertThat(resume.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(resume.err()).contains("follow-up 1 of campaign fault-drill has not been created in")
                .contains("create it with lettermerge followup '" + file + "' --template TEMPLATE --who no-reply --db "
                        + log);
    }

    @Test
    void checkResumeAndFollowupSuggestCommandsOnTheLogAndServerGiven() throws Exception {
        CliCampaign campaign = campaign();
        Path log = dir.resolve("log.db");
        String file = campaign.file().toString();
        Files.writeString(dir.resolve("my campaigns/reminder.txt"), "Dear {{name}}, did you see it?\n");

        CliRun check = campaign.run("check", file, "--db", log.toString(), "--rate", "10/min");
        assertThat(campaign.run("send", file, "--live", "--db", log.toString()).exitCode()).isZero();
        assertThat(campaign.run("pause", file, "--db", log.toString()).exitCode()).isZero();
        CliRun resume = campaign.run("resume", file, "--db", log.toString());
        CliRun followup = campaign.run("followup", file, "--db", log.toString(), "--who", "no-reply",
                "--template", dir.resolve("my campaigns/reminder.txt").toString());

        assertThat(check.out()).as(check.toString()).contains("Next: lettermerge preview '" + file + "' --db " + log
                + " --rate 10/min, then lettermerge send '" + file + "' --test-to you@example.org --db " + log
                + " --rate 10/min");
        assertThat(resume.out()).as(resume.toString()).contains("`lettermerge send '" + file + "' --live --db " + log
                + "` sends it");
        assertThat(followup.out()).as(followup.toString()).contains("`lettermerge run --db " + log + "` is running")
                .contains("`lettermerge run --db " + log + " --once`");
    }

    private CliCampaign campaign() {
        try {
            Path folder = Files.createDirectories(dir.resolve("my campaigns"));
            return CliCampaign.write(folder, port());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Splits a printed command as a POSIX shell does for plain and single-quoted words, dropping "lettermerge". */
    private static String[] shellWords(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("(?:'[^']*'|[^\\s'])+").matcher(command);
        while (m.find()) {
            words.add(m.group().replace("'", ""));
        }
        assertThat(words.remove(0)).isEqualTo("lettermerge");
        return words.toArray(String[]::new);
    }
}
