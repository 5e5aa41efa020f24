package org.lettermerge.cli;

import java.nio.file.Path;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.SmtpChoice;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The campaign file argument and the overrides that point it at another server or database. */
final class CampaignOptions {

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "The campaign file (YAML), e.g. config/campaign.yaml.")
    Path campaignFile;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "Send through this SMTP server instead of the file's.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (default: 25, 587 or 465 by security).")
    Integer smtpPort;

    @Option(names = "--smtp-security", paramLabel = "none|starttls|tls",
            description = "none, starttls (required, never a fallback to clear text) or tls.")
    String smtpSecurity;

    @Option(names = "--db", paramLabel = "PATH", description = "The delivery log (SQLite) instead of the file's database.")
    Path database;

    Campaign load() {
        Campaign campaign = CampaignFile.load(campaignFile);
        if (database != null) {
            campaign = campaign.withDatabase(database.toAbsolutePath().normalize());
        }
        if (smtpHost != null || smtpPort != null || smtpSecurity != null) {
            campaign = campaign.withSmtp(overridden(campaign.smtp()));
        }
        return campaign;
    }

    private SmtpChoice overridden(SmtpChoice fromFile) {
        SmtpChoice.Relay relay = fromFile instanceof SmtpChoice.Relay r ? r : null;
        Security security = smtpSecurity != null ? Security.parse(smtpSecurity)
                : relay != null ? relay.settings().security() : Security.NONE;
        String host = smtpHost != null ? smtpHost : relay != null ? relay.settings().host() : "127.0.0.1";
        int port = smtpPort != null ? smtpPort : relay != null && smtpSecurity == null ? relay.settings().port()
                : defaultPort(security);
        SmtpSettings base = relay != null ? relay.settings() : SmtpSettings.of(host, port, security);
        SmtpSettings settings = new SmtpSettings(host, port, security, base.username(), base.connectTimeout(),
                base.readTimeout(), base.writeTimeout(), base.dataEndTimeout(), base.helo());
        return new SmtpChoice.Relay(settings, relay != null ? relay.passwordEnv() : null);
    }

    private static int defaultPort(Security security) {
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
    }
}
