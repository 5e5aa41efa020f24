package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.Backoff;
import org.lettermerge.schedule.SendWindow;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

class CampaignFileIT {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("campaign.yaml"), yaml, StandardCharsets.UTF_8);
    }

    private List<Problem> problemsOf(Path file) {
        return catchThrowableOfType(InvalidInputException.class, () -> CampaignFile.load(file)).problems();
    }

    private String at(int line) {
        return Problem.at(dir.resolve("campaign.yaml"), line);
    }

    @Test
    void aFullFileBecomesACampaignWithPathsResolvedAgainstItsFolder() throws IOException {
        Path file = write("""
                name: spring-letter
                from: { name: "Ana Lima", email: ana@example.org }
                reply_to: "Replies <replies@example.org>"
                subject: "  Hello {{name}}  "
                to_name: "{{name}}"
                template: templates/letter.txt.mustache
                html_template: templates/letter.html.mustache
                recipients: data/../recipients.csv
                data:
                  signatories: signatories.csv
                attachments:
                  - files/open-letter.pdf
                smtp:
                  host: smtp.example.org
                  port: 2525
                  security: tls
                  username: ana
                  password_env: SMTP_PASSWORD
                  helo: client.example.org
                  timeouts: { connect: 10s, read: 2m, write: 90s, data_end: 15m }
                database: ../var/log.db
                """);

        Campaign c = CampaignFile.load(file);

        assertThat(c.file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(c.name()).isEqualTo("spring-letter");
        assertThat(c.sender().from().getAddress()).isEqualTo("ana@example.org");
        assertThat(c.sender().from().getPersonal()).isEqualTo("Ana Lima");
        assertThat(c.sender().replyTo().getAddress()).isEqualTo("replies@example.org");
        assertThat(c.subject()).isEqualTo("Hello {{name}}");
        assertThat(c.toName()).isEqualTo("{{name}}");
        assertThat(c.template()).isEqualTo(dir.resolve("templates/letter.txt.mustache"));
        assertThat(c.htmlTemplate()).isEqualTo(dir.resolve("templates/letter.html.mustache"));
        assertThat(c.recipients()).isEqualTo(dir.resolve("recipients.csv"));
        assertThat(c.data()).containsExactly(java.util.Map.entry("signatories", dir.resolve("signatories.csv")));
        assertThat(c.attachments()).containsExactly(dir.resolve("files/open-letter.pdf"));
        assertThat(c.database()).isEqualTo(dir.getParent().resolve("var/log.db"));
        assertThat(c.smtp()).isInstanceOf(SmtpChoice.Relay.class);
        SmtpChoice.Relay relay = (SmtpChoice.Relay) c.smtp();
        assertThat(relay.passwordEnv()).isEqualTo("SMTP_PASSWORD");
        SmtpSettings s = relay.settings();
        assertThat(s.host()).isEqualTo("smtp.example.org");
        assertThat(s.port()).isEqualTo(2525);
        assertThat(s.security()).isEqualTo(Security.TLS);
        assertThat(s.username()).isEqualTo("ana");
        assertThat(s.helo()).isEqualTo("client.example.org");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.dataEndTimeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aMinimalFileGetsItsNameFromTheFileTheSandboxAndADatabaseBesideIt() throws IOException {
        Path file = write("""
                from: Ana <ana@example.org>
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                """);

        Campaign c = CampaignFile.load(file);

        assertThat(c.name()).isEqualTo("campaign");
        assertThat(c.smtp()).isEqualTo(new SmtpChoice.Sandbox());
        assertThat(c.database()).isEqualTo(dir.resolve("lettermerge.db"));
        assertThat(c.htmlTemplate()).isNull();
        assertThat(c.sender().replyTo()).isNull();
    }

    @Test
    void smtpSandboxChoosesTheSandbox() throws IOException {
        Path file = write("""
                from: ana@example.org
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                smtp: sandbox
                """);

        assertThat(CampaignFile.load(file).smtp()).isInstanceOf(SmtpChoice.Sandbox.class);
    }

    @Test
    void aRelayWithoutPortOrSecurityUsesStarttlsOnTheSubmissionPort() throws IOException {
        Path file = write("""
                from: ana@example.org
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                smtp: { host: smtp.example.org }
                """);

        SmtpSettings s = ((SmtpChoice.Relay) CampaignFile.load(file).smtp()).settings();

        assertThat(s.security()).isEqualTo(Security.STARTTLS);
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.dataEndTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceWithItsLine() throws IOException {
        Path file = write("""
                name: broken
                from: "not an address"
                colour: blue
                template: letter.txt
                recipients: recipients.csv
                smtp:
                  host: smtp.example.org
                  port: abc
                  security: ssl
                  hots: typo.example.org
                  timeouts:
                    read: soon
                """);

        List<Problem> problems = problemsOf(file);

        assertThat(problems).allMatch(Problem::isError);
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                        .startsWith(at(2) + ": 'from' is not a valid address"))
                .anySatisfy(p -> assertThat(p).startsWith(at(3) + ": unknown key 'colour'"))
                .anySatisfy(p -> assertThat(p).startsWith(at(8) + ": smtp.port must be a number")
                        .contains("'abc'"))
                .anySatisfy(p -> assertThat(p).startsWith(at(9) + ": smtp.security: unknown SMTP security 'ssl'")
                        .contains("none, starttls, tls"))
                .anySatisfy(p -> assertThat(p).startsWith(at(10) + ": unknown key 'smtp.hots'"))
                .anySatisfy(p -> assertThat(p).startsWith(at(12) + ": smtp.timeouts.read: 'soon' is not a duration"))
                // A missing key has no line of its own: the file is named.
                .anySatisfy(p -> assertThat(p).isEqualTo(Problem.display(file) + ": 'subject' is required"));
        assertThat(problems).hasSize(7);
    }

    @Test
    void everySchedulingAndPacingProblemIsReportedWithItsLine() throws IOException {
        Path file = write("""
                from: "Coalition <letters@example.org>"
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                smtp:
                  host: smtp.example.org
                  provider: hotmail
                  rate: fast
                  connections: 40
                schedule:
                  window: weekdays 9 to 5
                  timezone: Mars/Olympus
                  retry: { first: soon }
                  eror_budget: 3
                """);

        List<Problem> problems = problemsOf(file);

        assertThat(problems).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(at(7) + ": smtp.provider: unknown preset 'hotmail'")
                        .contains("microsoft-365"))
                .anySatisfy(p -> assertThat(p).startsWith(at(8) + ": smtp.rate: "))
                .anySatisfy(p -> assertThat(p).startsWith(at(9) + ": smtp.connections must be a number from 1 to 16"))
                .anySatisfy(p -> assertThat(p).startsWith(at(11) + ": schedule.window: "))
                .anySatisfy(p -> assertThat(p).startsWith(at(12) + ": schedule.timezone: unknown time zone 'Mars/Olympus'"))
                .anySatisfy(p -> assertThat(p).startsWith(at(13) + ": schedule.retry.first: 'soon' is not a duration"))
                .anySatisfy(p -> assertThat(p).startsWith(at(14) + ": unknown key 'schedule.eror_budget'"));
        assertThat(problems).hasSize(7);
    }

    @Test
    void pacingAndScheduleSettingsAreReadFromTheFile() throws IOException {
        Path file = write("""
                from: "Coalition <letters@example.org>"
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                smtp:
                  host: smtp.example.org
                  provider: microsoft-365
                  daily_cap: 500
                  connections: 3
                schedule:
                  window: Mon-Fri 09:00-17:00
                  timezone: America/New_York
                  retry: { first: 10m, max: 2h, lifetime: 1d }
                  error_budget: 4
                  missed_grace: 30m
                """);

        Campaign campaign = CampaignFile.load(file);

        Pacing pacing = campaign.smtp().pacing();
        assertThat(pacing.limits().rate().toString()).isEqualTo("30/min");
        assertThat(pacing.limits().dailyCap()).isEqualTo(500);
        assertThat(pacing.connections()).isEqualTo(3);
        ScheduleSettings schedule = campaign.schedule();
        assertThat(schedule.window()).isEqualTo(SendWindow.parse("Mon-Fri 09:00-17:00"));
        assertThat(schedule.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(schedule.retry()).isEqualTo(new Backoff(Duration.ofMinutes(10),
                Duration.ofHours(2), Duration.ofDays(1)));
        assertThat(schedule.errorBudget()).isEqualTo(4);
        assertThat(schedule.missedGrace()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aPasswordInTheFileIsRefusedWithoutEchoingIt() throws IOException {
        Path file = write("""
                from: ana@example.org
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                smtp:
                  host: smtp.example.org
                  password: hunter2-secret
                """);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CampaignFile.load(file));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(at(7));
            assertThat(p.message()).contains("smtp.password is not allowed", "password_env");
        });
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void aKeyWrittenTwiceIsReportedWithBothLines() throws IOException {
        Path file = write("""
                from: ana@example.org
                subject: Hello
                template: letter.txt
                subject: Hi again
                recipients: recipients.csv
                """);

        assertThat(problemsOf(file)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(at(4));
            assertThat(p.message()).contains("'subject' appears twice", "first on line 2");
        });
    }

    @Test
    void aDisplayNameWithACommaIsOneSenderQuotedInTheHeader() throws IOException {
        Path file = write("""
                from: Human Rights Now, ICC Coalition <letters@coalition.example.org>
                reply_to: '"Coordination, Team" <coordination@coalition.example.org>'
                subject: Hello
                template: letter.txt
                recipients: recipients.csv
                """);
        Files.writeString(dir.resolve("letter.txt"), "Dear {{name}},\n");
        Files.writeString(dir.resolve("recipients.csv"), "email,name\nana@example.org,Ana\n");

        Campaign campaign = CampaignFile.load(file);

        assertThat(campaign.sender().from().getPersonal()).isEqualTo("Human Rights Now, ICC Coalition");
        assertThat(campaign.sender().from().toString())
                .isEqualTo("\"Human Rights Now, ICC Coalition\" <letters@coalition.example.org>");
        assertThat(campaign.sender().replyTo().getPersonal()).isEqualTo("Coordination, Team");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() throws IOException {
        Path file = write("""
                from: ana@example.org
                subject: Hello
                template: [letter.txt
                recipients: recipients.csv
                """);

        assertThat(problemsOf(file)).singleElement().satisfies(p -> {
            assertThat(p.where()).matches(java.util.regex.Pattern.quote(Problem.display(file)) + ":[3-5]");
            assertThat(p.message()).contains("not valid YAML").contains("quotes").doesNotContain("org.yaml");
        });
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws IOException {
        Path file = write("");

        assertThat(problemsOf(file)).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
    }

    @Test
    void aFileThatIsNotAMappingSaysWhatItShouldHold() throws IOException {
        Path file = write("- just\n- a list\n");

        assertThat(problemsOf(file)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a campaign file is a mapping of keys"));
    }

    @Test
    void aMissingCampaignFileIsNamed() {
        assertThatThrownBy(() -> CampaignFile.load(dir.resolve("nope.yaml"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such campaign file");
    }
}
