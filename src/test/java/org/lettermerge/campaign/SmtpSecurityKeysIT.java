package org.lettermerge.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.testsupport.TestCertificates;

/** smtp.trust_store, mailbox.trust_store and smtp.allow_cleartext_login, read from a campaign file and checked. */
class SmtpSecurityKeysIT {

    @TempDir
    Path dir;

    private Path campaign(String smtpAndMailbox) throws IOException {
        Files.writeString(dir.resolve("letter.txt.mustache"), "Dear {{name}},\n");
        Files.writeString(dir.resolve("recipients.csv"), "email,name\namara.okafor@example.org,Amara Okafor\n");
        return Files.writeString(dir.resolve("campaign.yaml"), """
                from: Coalition Letters <letters@coalition.example.org>
                subject: "A letter for {{name}}"
                template: letter.txt.mustache
                recipients: recipients.csv
                """ + smtpAndMailbox);
    }

    private static List<Problem> errors(Campaign c) {
        return Preflight.prepare(c).errors();
    }

    @Test
    void trustStoresAreResolvedAgainstTheCampaignFolder() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        TestCertificates.newAuthority("Org CA").writeCaPem(dir.resolve("certs/org-ca.pem"));
        Campaign c = CampaignFile.load(campaign("""
                smtp: {host: smtp.example.org, port: 465, security: tls, trust_store: certs/org-ca.pem}
                mailbox: {host: imap.example.org, username: letters, trust_store: certs/org-ca.pem}
                """));

        assertThat(((SmtpChoice.Relay) c.smtp()).settings().trustStore()).isEqualTo(dir.resolve("certs/org-ca.pem"));
        assertThat(c.mailbox().trustStore()).isEqualTo(dir.resolve("certs/org-ca.pem"));
    }

    @Test
    void aTrustStoreThatIsMissingOrHoldsNoCertificateIsReportedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("notes.pem"), "not a certificate\n");
        Path file = campaign("""
                smtp:
                  host: smtp.example.org
                  trust_store: nowhere.pem
                mailbox:
                  host: imap.example.org
                  username: letters
                  trust_store: notes.pem
                """);

        List<Problem> problems = catchThrowableOfType(InvalidInputException.class, () -> CampaignFile.load(file))
                .problems();

        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .contains("campaign.yaml:7").contains("smtp.trust_store").contains("no such file"))
                .anySatisfy(p -> assertThat(p).contains("campaign.yaml:11").contains("mailbox.trust_store")
                        .contains("PEM"));
    }

    @Test
    void aLoginWithoutTlsToAnotherHostIsRefusedNamingTheKeyThatAllowsIt() throws IOException {
        Campaign c = CampaignFile.load(campaign("""
                smtp: {host: smtp.example.org, port: 25, security: none, username: letters}
                """));

        assertThat(errors(c)).singleElement().asString()
                .contains("smtp.allow_cleartext_login: true")
                .contains("in clear text")
                .contains("security: starttls");
    }

    @Test
    void theCampaignMayAllowACleartextLoginOnPurpose() throws IOException {
        Campaign c = CampaignFile.load(campaign("""
                smtp: {host: smtp.example.org, security: none, username: letters, allow_cleartext_login: true}
                """));

        assertThat(errors(c)).isEmpty();
    }

    @Test
    void cleartextIsFineOnThisMachineOrWithoutALogin() throws IOException {
        assertThat(errors(CampaignFile.load(campaign("""
                smtp: {host: 127.0.0.1, security: none, username: letters}
                """)))).isEmpty();
        assertThat(errors(CampaignFile.load(campaign("""
                smtp: {host: smtp.example.org, security: none}
                """)))).isEmpty();
    }

    @Test
    void anOverrideToSecurityNoneIsRefusedToo() throws IOException {
        Campaign fromFile = CampaignFile.load(campaign("""
                smtp: {host: smtp.example.org, security: starttls, username: letters}
                """));
        assertThat(errors(fromFile)).isEmpty();

        Campaign overridden = Overrides.apply(fromFile, Overrides.of(null, null, "none", null));

        assertThat(errors(overridden)).singleElement().asString()
                .contains("after the --smtp-* options").contains("smtp.example.org:25");
    }

    @Test
    void overridesKeepWhatTheFileSaidSoTheChangeCanBeShown() throws IOException {
        Campaign fromFile = CampaignFile.load(campaign("""
                smtp: {host: smtp.example.org, port: 587, security: starttls}
                """));

        var relay = (SmtpChoice.Relay) Overrides.apply(fromFile, Map.of(Overrides.SMTP_SECURITY, "tls")).smtp();

        assertThat(relay.settings().port()).isEqualTo(465);
        assertThat(relay.inFile().port()).isEqualTo(587);
    }
}
