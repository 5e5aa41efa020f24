package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * A second letter never mixes into the first one's log (issue 9): a copied campaign folder keeps the name and the
 * database, so a new letter to new people looked like a new version of the old campaign. `check`, the dry run and
 * `send --live` say so alike; `lettermerge init` gives a new campaign its own name and log. Letters go to the
 * scripted SMTP server (a healthy one here), so the test can count what each address received.
 */
class CampaignIdentityIT {

    @TempDir Path dir;

    @Test
    void aNewLetterToNewPeopleUnderTheOldNameIsRefusedEverywhereUntilTheOrganizerSaysSameCampaign() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            assertThat(campaign.sendLive().exitCode()).isEqualTo(ExitCode.OK);
            // The organizer copied the folder and wrote another letter to other people, keeping name: and database:.
            Files.writeString(dir.resolve("letter.txt.mustache"), "Dear {{name}},\n\nA different letter.\n");
            Files.writeString(dir.resolve("recipients.csv"), "email,name\nada@example.org,Ada\nzoe@example.org,Zoe\n");
            String file = campaign.file().toString();

            CliRun check = campaign.run("check", file);
            CliRun dryRun = campaign.run("send", file);
            CliRun live = campaign.sendLive();
            CliRun acceptOnly = campaign.run("send", file, "--live", "--accept-changes");

            for (CliRun run : new CliRun[] {check, dryRun, live, acceptOnly}) {
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
                assertThat(run.out() + run.err()).contains("this log holds campaign " + CliCampaign.NAME
                        + ", queued from other files on").contains("give it its own name:")
                        .contains("--accept-changes --same-campaign");
            }
            assertThat(check.out()).doesNotContain("OK: the campaign is ready");
            assertThat(server.messagesTo("zoe@example.org")).isEmpty();
            assertThat(campaign.row("bea@example.org").isRemoved()).as("the first letter's rows stay as they were").isFalse();

            CliRun confirmed = campaign.run("send", file, "--live", "--accept-changes", "--same-campaign");

            assertThat(confirmed.exitCode()).as(confirmed.toString()).isEqualTo(ExitCode.OK);
            assertThat(server.messagesTo("zoe@example.org")).hasSize(1);
            assertThat(server.messagesTo("ada@example.org")).hasSize(1);
        }
    }

    @Test
    void anEditedLetterStillNeedsOnlyAcceptChanges() throws Exception {
        try (var server = ScriptedSmtpServer.start(Script.acceptAll())) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            assertThat(campaign.run("send", campaign.file().toString(), "--live", "--limit", "2").exitCode())
                    .isEqualTo(ExitCode.OK);
            Files.writeString(dir.resolve("letter.txt.mustache"), "Dear {{name}},\n\nThis letter is part of a drill.\n");

            CliRun check = campaign.run("check", campaign.file().toString());
            CliRun confirmed = campaign.run("send", campaign.file().toString(), "--live", "--accept-changes");

            assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(check.out()).contains("the campaign changed after letters were sent").doesNotContain("--same-campaign");
            assertThat(confirmed.exitCode()).as(confirmed.toString()).isEqualTo(ExitCode.OK);
            assertThat(campaign.row("eve@example.org").state()).isEqualTo(State.ACCEPTED);
            assertThat(server.messagesTo("ada@example.org")).hasSize(1);
        }
    }

    @Test
    void initMakesACampaignWithItsOwnNameAndLogReadyForCheckAndSend() {
        Path first = dir.resolve("letter-to-ministers");
        Path second = dir.resolve("letter-to-partners");
        CliCampaign any = CliCampaign.write(dir, 1);

        CliRun init = any.run("init", first.toString());
        CliRun initNamed = any.run("init", second.toString(), "--name", "partners-2027");
        CliRun again = any.run("init", first.toString());
        CliRun typo = any.run("init", dir.resolve("no-such-folder/letter").toString());

        assertThat(init.exitCode()).as(init.toString()).isEqualTo(ExitCode.OK);
        assertThat(initNamed.exitCode()).as(initNamed.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.resolve("campaign.yaml")).content().contains("name: letter-to-ministers")
                .contains("database: delivery-log.db");
        assertThat(second.resolve("campaign.yaml")).content().contains("name: partners-2027");
        assertThat(first.resolve("recipients.csv")).content()
                .startsWith("email,title,name,position,organization,salutation\n");
        assertThat(first.resolve("signatories.csv")).content().contains("organization");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(again.err()).contains("not an empty folder");
        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(dir.resolve("no-such-folder")).doesNotExist();

        CliRun check = any.run("check", first.resolve("campaign.yaml").toString());
        CliRun send = any.run("send", first.resolve("campaign.yaml").toString(), "--live");
        CliRun sendOther = any.run("send", second.resolve("campaign.yaml").toString(), "--live");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("OK: the campaign is ready");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.OK);
        assertThat(sendOther.exitCode()).as(sendOther.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.resolve("delivery-log.db")).exists();
        assertThat(second.resolve("delivery-log.db")).exists();
        assertThat(send.out()).contains("2 accepted");
    }
}
