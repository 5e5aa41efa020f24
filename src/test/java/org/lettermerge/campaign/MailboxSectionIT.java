package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.campaign.MailboxSettings;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.smtp.Security;

/** The campaign file's {@code mailbox:} section: read like smtp, every mistake reported with its line. */
class MailboxSectionIT {

    private static final String HEAD = """
            name: replies
            from: Organizers <organizers@example.org>
            subject: "A letter"
            template: letter.txt
            recipients: recipients.csv
            """;

    @TempDir
    Path dir;

    private Path write(String mailbox) throws IOException {
        return Files.writeString(dir.resolve("campaign.yaml"), HEAD + mailbox, StandardCharsets.UTF_8);
    }

    private List<Problem> problemsOf(Path file) {
        return catchThrowableOfType(InvalidInputException.class, () -> CampaignFile.load(file)).problems();
    }

    private String at(int line) {
        return Problem.at(dir.resolve("campaign.yaml"), line);
    }

    @Test
    void aMailboxSectionBecomesSettingsWithImapsAndInboxByDefault() throws IOException {
        Campaign campaign = CampaignFile.load(write("""
                mailbox:
                  host: imap.example.org
                  username: organizers@example.org
                  password_env: MAILBOX_PASSWORD
                  move_to: Processed
                """));

        MailboxSettings mailbox = campaign.mailbox();
        assertThat(mailbox.host()).isEqualTo("imap.example.org");
        assertThat(mailbox.security()).isEqualTo(Security.TLS);
        assertThat(mailbox.port()).isEqualTo(993);
        assertThat(mailbox.folder()).isEqualTo("INBOX");
        assertThat(mailbox.moveTo()).isEqualTo("Processed");
        assertThat(mailbox.passwordEnv()).isEqualTo("MAILBOX_PASSWORD");
        assertThat(mailbox.connectTimeout()).isPositive();
        assertThat(mailbox.readTimeout()).isPositive();
    }

    @Test
    void aCampaignWithoutMailboxHasNone() throws IOException {
        assertThat(CampaignFile.load(write("")).mailbox()).isNull();
    }

    @Test
    void clearTextIsRefusedForAHostOtherThanThisMachine() throws IOException {
        Path file = write("""
                mailbox:
                  host: imap.example.org
                  security: none
                  username: organizers@example.org
                """);

        assertThat(problemsOf(file)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(at(8));
            assertThat(p.message()).contains("clear text", "127.0.0.1");
        });
    }

    @Test
    void clearTextIsAllowedOnLoopbackForTestsAndTheSandbox() throws IOException {
        Campaign campaign = CampaignFile.load(write("""
                mailbox: {host: 127.0.0.1, port: 3143, security: none, username: organizers@example.org}
                """));

        assertThat(campaign.mailbox().security()).isEqualTo(Security.NONE);
        assertThat(campaign.mailbox().port()).isEqualTo(3143);
    }

    @Test
    void aPasswordKeyUnknownKeysAndWrongTypesAreEachReportedWithTheirLine() throws IOException {
        Path file = write("""
                mailbox:
                  host: imap.example.org
                  security: starttls
                  port: many
                  username: organizers@example.org
                  password: hunter2-secret
                  folders: INBOX
                """);

        List<Problem> problems = problemsOf(file);

        assertThat(problems).extracting(Problem::where).containsExactlyInAnyOrder(at(11), at(12), at(9));
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                        .contains("mailbox.password is not allowed", "password_env"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'mailbox.folders'"))
                .anySatisfy(m -> assertThat(m).contains("mailbox.port must be a number"));
        assertThat(problems.toString()).doesNotContain("hunter2-secret");
    }
}
