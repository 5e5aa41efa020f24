package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lettermerge.campaign.Overrides;
import org.lettermerge.campaign.Pacing;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

/** The one line that says where letters go, and what the --smtp-* options changed. */
class EndpointTest {

    private static final SmtpSettings SUBMISSION = SmtpSettings.of("smtp.example.org", 587, Security.STARTTLS)
            .withUsername("user@example.org");

    @Test
    void showsHostPortProtectionAndAccount() {
        assertThat(Endpoint.describe(new SmtpChoice.Relay(SUBMISSION, null, Pacing.UNLIMITED), Map.of()))
                .isEqualTo("smtp.example.org:587 (STARTTLS, as user@example.org)");
    }

    @Test
    void aPortReplacedByTheSecurityDefaultIsSaidWithTheFilesPort() {
        SmtpSettings tls = SUBMISSION.at("smtp.example.org", 465, Security.TLS);

        String line = Endpoint.describe(new SmtpChoice.Relay(tls, null, Pacing.UNLIMITED, SUBMISSION),
                Map.of(Overrides.SMTP_SECURITY, "tls"));

        assertThat(line).isEqualTo("smtp.example.org:465 (TLS, as user@example.org; port 465, the default for "
                + "--smtp-security tls; the campaign file says 587; security from --smtp-security; the campaign file "
                + "says starttls)");
    }

    @Test
    void anExplicitPortIsSaidToComeFromTheOption() {
        SmtpSettings other = SUBMISSION.at("smtp.example.org", 2525, Security.STARTTLS);

        assertThat(Endpoint.describe(new SmtpChoice.Relay(other, null, Pacing.UNLIMITED, SUBMISSION),
                Map.of(Overrides.SMTP_PORT, "2525")))
                .contains("port 2525 from --smtp-port; the campaign file says 587");
    }

    @Test
    void cleartextAndTrustStoreAreNamed() {
        assertThat(Endpoint.describe(new SmtpChoice.Relay(SmtpSettings.of("127.0.0.1", 2525, Security.NONE), null,
                Pacing.UNLIMITED), Map.of())).isEqualTo("127.0.0.1:2525 (no encryption)");
        assertThat(Endpoint.describe(new SmtpChoice.Relay(SUBMISSION.withTrustStore(Path.of("org-ca.pem")), null,
                Pacing.UNLIMITED), Map.of())).contains("trusting the certificates in org-ca.pem");
    }
}
