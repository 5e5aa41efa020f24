package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettermerge.smtp.TestLetters.address;
import static org.lettermerge.smtp.TestLetters.letter;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.smtp.ServerUnavailableException.Reason;
import org.lettermerge.testsupport.TestCertificates;
import org.lettermerge.testsupport.TlsFront;
import org.lettermerge.testsupport.TlsFront.Mode;

/**
 * Complete TLS sessions with GreenMail behind a certificate the test made ({@link TlsFront}: GreenMail has no
 * STARTTLS and one TLS key per JVM), trusted only through the campaign's trust_store. Each refusal here fails if its
 * check is removed: checkserveridentity for the wrong host, PKIX validity for the expired certificate.
 */
class SmtpTlsIT {

    private static final String HOST = "localhost";
    private static final String PASSWORD = "tls-secret-pw";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path dir;

    private static TestCertificates authority;
    private static Path trustStore;

    @BeforeAll
    static void makeCertificates() {
        authority = TestCertificates.newAuthority("Lettermerge Test CA");
        trustStore = authority.writeCaPem(dir.resolve("ca.pem"));
    }

    private static SmtpSettings settings(TlsFront front, Security security) {
        return SmtpSettings.of(HOST, front.port(), security).withTrustStore(trustStore)
                .withConnectTimeout(Duration.ofSeconds(5)).withReadTimeout(Duration.ofSeconds(5))
                .withDataEndTimeout(Duration.ofSeconds(5));
    }

    @Test
    void smtpsDeliversWhenTheCertificateIsFromTheTrustStoreAndNamesTheHost() throws Exception {
        greenMail.setUser("sender@example.org", "sender", PASSWORD);
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.serverFor(HOST).serverContext(), smtpPort());
             var client = new SmtpClient(settings(front, Security.TLS).withUsername("sender"), PASSWORD.toCharArray())) {

            SendOutcome outcome = client.send(letter("a@example.org", "Over TLS"), address("a@example.org"),
                    DataHandoff.NONE);

            assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(front.completedHandshakes()).hasSize(1);
            assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
            assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Over TLS");
        }
    }

    @Test
    void starttlsWithLoginDeliversAndNothingButEhloAndStarttlsCrossesInClear() {
        greenMail.setUser("sender@example.org", "sender", PASSWORD);
        try (var front = TlsFront.start(Mode.SMTP_STARTTLS, authority.serverFor(HOST).serverContext(), smtpPort());
             var client = new SmtpClient(settings(front, Security.STARTTLS).withUsername("sender"),
                     PASSWORD.toCharArray())) {

            SendOutcome outcome = client.send(letter("b@example.org", "After STARTTLS"), address("b@example.org"),
                    DataHandoff.NONE);

            assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(front.completedHandshakes()).hasSize(1);
            assertThat(front.clearTextCommands()).hasSize(2);
            assertThat(front.clearTextCommands().get(0)).startsWith("EHLO ");
            assertThat(front.clearTextCommands().get(1)).isEqualTo("STARTTLS");
            assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedBeforeTheLogin() {
        greenMail.setUser("sender@example.org", "sender", PASSWORD);
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.serverFor("mail.elsewhere.example").serverContext(),
                smtpPort());
             var client = new SmtpClient(settings(front, Security.TLS).withUsername("sender"), PASSWORD.toCharArray())) {

            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE))
                    .hasMessageContaining("does not match the host name")
                    .message().doesNotContain(PASSWORD);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void starttlsToACertificateForAnotherHostIsRefusedBeforeTheLogin() {
        try (var front = TlsFront.start(Mode.SMTP_STARTTLS,
                authority.serverFor("mail.elsewhere.example").serverContext(), smtpPort());
             var client = new SmtpClient(settings(front, Security.STARTTLS).withUsername("sender"),
                     PASSWORD.toCharArray())) {

            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE));
            assertThat(front.clearTextCommands()).noneMatch(c -> c.startsWith("AUTH") || c.startsWith("MAIL"));
        }
    }

    @Test
    void anExpiredCertificateIsRefused() {
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.expiredFor(HOST).serverContext(), smtpPort());
             var client = new SmtpClient(settings(front, Security.TLS), null)) {

            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE))
                    .hasMessageContaining("not trusted");
            assertThat(front.completedHandshakes()).isEmpty();
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void withoutTheTrustStoreTheTestAuthorityIsNotTrusted() {
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.serverFor(HOST).serverContext(), smtpPort());
             var client = new SmtpClient(settings(front, Security.TLS).withTrustStore(null), null)) {

            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE));
        }
    }

    @Test
    void aTrustStoreOfAnotherAuthorityDoesNotFallBackToTheDefaultTrust(@TempDir Path other) {
        Path otherCa = TestCertificates.newAuthority("Another CA").writeCaPem(other.resolve("other.pem"));
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.serverFor(HOST).serverContext(), smtpPort());
             var client = new SmtpClient(settings(front, Security.TLS).withTrustStore(otherCa), null)) {

            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(ServerUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE));
            assertThat(front.completedHandshakes()).isEmpty();
            assertThat(front.connections()).as("no second try with other trust").isEqualTo(1);
        }
    }

    private static int smtpPort() {
        return greenMail.getSmtp().getPort();
    }
}
