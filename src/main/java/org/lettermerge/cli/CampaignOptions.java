package org.lettermerge.cli;

import java.nio.file.Path;
import java.util.Map;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.Overrides;
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

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Send at most this fast, e.g. 30/min, 2/s or unlimited (overrides smtp.rate).")
    String rate;

    @Option(names = "--db", paramLabel = "PATH", description = "The delivery log (SQLite) instead of the file's database.")
    Path database;

    /** The campaign file with --db and the SMTP overrides applied. */
    Campaign load() {
        Campaign campaign = Overrides.apply(CampaignFile.load(campaignFile), overrides());
        return database == null ? campaign : campaign.withDatabase(database.toAbsolutePath().normalize());
    }

    /** The overrides given on this command line, to store with a queued campaign. */
    Map<String, String> overrides() {
        return Overrides.of(smtpHost, smtpPort, smtpSecurity, rate);
    }
}
