package org.lettermerge.followup;

import org.lettermerge.campaign.MailboxSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.smtp.Credentials;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.testsupport.TestCertificates;
import org.lettermerge.testsupport.TlsFront;
import org.lettermerge.testsupport.TlsFront.Mode;

/**
 * IMAPS to GreenMail behind a certificate the test made ({@link TlsFront}: GreenMail's TLS key is one per JVM),
 * trusted only through mailbox.trust_store. The host name is checked (mail.imaps.ssl.checkserveridentity), and a
 * refused certificate is never retried with the JVM's trust.
 */
class ImapTlsIT {

    private static final String HOST = "localhost";
    private static final String PASSWORD = "imap-tls-secret";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    static Path dir;

    private static TestCertificates authority;
    private static Path trustStore;

    @BeforeAll
    static void makeCertificates() {
        authority = TestCertificates.newAuthority("Lettermerge Test CA");
        trustStore = authority.writeCaPem(dir.resolve("ca.pem"));
    }

    private static MailboxSettings settings(TlsFront front, Path trust) {
        return new MailboxSettings(HOST, front.port(), Security.TLS, "letters", null, "INBOX", null,
                Duration.ofSeconds(5), Duration.ofSeconds(5), true, trust);
    }

    @Test
    void imapsReadsTheMailboxWhenTheCertificateIsFromTheTrustStore() throws Exception {
        greenMail.setUser("letters@coalition.example.org", "letters", PASSWORD).deliver(GreenMailUtil.newMimeMessage("""
                From: Amara Okafor <amara.okafor@example.org>
                To: letters@coalition.example.org
                Subject: Re: A letter for Amara Okafor

                Thank you.
                """.replace("\n", "\r\n")));
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.serverFor(HOST).serverContext(), imapPort());
             var mailbox = ImapMailbox.open(settings(front, trustStore), Credentials.password(PASSWORD.toCharArray()))) {

            assertThat(mailbox.messagesAfter(0)).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Re: A letter for Amara Okafor"));
            assertThat(front.completedHandshakes()).hasSize(1);
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedBeforeTheLogin() {
        greenMail.setUser("letters@coalition.example.org", "letters", PASSWORD);
        try (var front = TlsFront.start(Mode.IMPLICIT,
                authority.serverFor("mail.elsewhere.example").serverContext(), imapPort())) {

            assertThatThrownBy(() -> ImapMailbox.open(settings(front, trustStore), Credentials.password(PASSWORD.toCharArray())).close())
                    .isInstanceOf(ServerUnavailableException.class)
                    .hasMessageContaining(HOST + ":" + front.port())
                    .message().doesNotContain(PASSWORD);
        }
    }

    @Test
    void aTrustStoreOfAnotherAuthorityIsNotRetriedWithTheDefaultTrust(@TempDir Path other) {
        Path otherCa = TestCertificates.newAuthority("Another CA").writeCaPem(other.resolve("other.pem"));
        try (var front = TlsFront.start(Mode.IMPLICIT, authority.serverFor(HOST).serverContext(), imapPort())) {

            assertThatThrownBy(() -> ImapMailbox.open(settings(front, otherCa), Credentials.password(PASSWORD.toCharArray())).close())
                    .isInstanceOf(ServerUnavailableException.class);
            assertThat(front.completedHandshakes()).isEmpty();
            assertThat(front.connections()).as("no second try with other trust").isEqualTo(1);
        }
    }

    private static int imapPort() {
        return greenMail.getImap().getPort();
    }
}
