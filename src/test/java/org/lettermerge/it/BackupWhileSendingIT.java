package org.lettermerge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.ChildLettermerge;
import org.lettermerge.testsupport.CliCampaign;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.Reply;
import org.lettermerge.testsupport.Script;
import org.lettermerge.testsupport.ScriptedSmtpServer;

/**
 * The built jar sending in a child JVM, held in the middle of Cy's letter (the third) with the log open for
 * writing, while {@code backup} runs in this JVM: the copy is whole and holds what the sender had committed.
 * Talks to the scripted SMTP server in test support.
 */
class BackupWhileSendingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path dir;

    @Test
    void aBackupTakenWhileAChildJvmIsSendingIsWholeAndHoldsEveryCommittedStep() throws Exception {
        Script stallOnCysFinalDot = new Script() {
            @Override
            public Reply onDataEnd(byte[] message, int transaction) {
                return transaction == 2 ? Reply.stall() : Script.super.onDataEnd(message, transaction);
            }
        };
        Path backup = dir.resolve("during-send.db");
        try (var server = ScriptedSmtpServer.start(stallOnCysFinalDot)) {
            CliCampaign campaign = CliCampaign.write(dir, server.port());
            try (var child = ChildLettermerge.start(dir, campaign.sendLiveArgs())) {
                server.awaitStall(WAIT);

                CliRun result = campaign.run("backup", campaign.file().toString(), "--out", backup.toString());

                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.out()).contains("1 campaign, 5 letters (2 queued, 1 sending, 2 accepted). "
                        + "Integrity check: ok.");
                assertThat(child.isAlive()).as("the sender keeps running beside the backup").isTrue();
            }
        }
        assertThat(LogRows.query(backup, "PRAGMA integrity_check")).singleElement()
                .satisfies(row -> assertThat(row).containsValue("ok"));
        assertThat(LogRows.recipients(backup)).extracting(r -> r.get("email") + " " + r.get("state")).containsExactly(
                "ada@example.org ACCEPTED", "bea@example.org ACCEPTED", "cy@example.org SENDING",
                "dov@example.org QUEUED", "eve@example.org QUEUED");
        // The handoff of Cy's letter was committed before its final "." went out: the copy must hold it, or a
        // log restored from it would let Cy's letter be sent a second time.
        assertThat(LogRows.query(backup, "SELECT e.kind FROM event e JOIN recipient r ON r.id = e.recipient_id "
                + "WHERE r.email = 'cy@example.org' ORDER BY e.id")).extracting(r -> r.get("kind"))
                .containsExactly("QUEUED", "CLAIMED", "DATA_HANDOFF");
    }
}
