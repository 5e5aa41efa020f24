package org.lettermerge.cli;

import java.util.Map;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.Overrides;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

/** The campaign file argument and the overrides that point it at another server or database. */
final class CampaignOptions {

    @Mixin CampaignRef ref;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "Send through this SMTP server instead of the file's.")
    String smtpHost;

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    private Integer smtpPort;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (default: 25, 587 or 465 by security).")
    void smtpPort(int port) {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--smtp-port must be a port from 1 to 65535 (it is "
                    + port + ")");
        }
        smtpPort = port;
    }

    @Option(names = "--smtp-security", paramLabel = "none|starttls|tls",
            description = "none, starttls (required, never a fallback to clear text) or tls.")
    String smtpSecurity;

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Send at most this fast, e.g. 30/min, 2/s or unlimited (overrides smtp.rate).")
    String rate;

    /** --smtp-port as given, or null. */
    Integer smtpPort() {
        return smtpPort;
    }

    /** The campaign file with --db and the SMTP overrides applied. */
    Campaign load() {
        return ref.withDatabase(Overrides.apply(CampaignFile.load(ref.campaignFile), overrides()));
    }

    /** The overrides given on this command line, to store with a queued campaign. */
    Map<String, String> overrides() {
        return Overrides.of(smtpHost, smtpPort, smtpSecurity, rate);
    }
}
