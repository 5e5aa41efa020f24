package org.lettermerge.campaign;

import java.time.Duration;
import java.util.Set;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.campaign.YamlTree.Scalar;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.schedule.Presets;
import org.lettermerge.schedule.Rate;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

/** The campaign file's {@code smtp} key: the word {@code sandbox}, or the settings of a real relay. */
final class SmtpSection {

    private static final Set<String> KEYS = Set.of("host", "port", "security", "username", "password_env", "helo",
            "timeouts", "provider", "rate", "daily_cap", "connections", "messages_per_connection", "trust_store",
            "allow_cleartext_login", "auth");
    private static final Set<String> TIMEOUT_KEYS = Set.of("connect", "read", "write", "data_end");

    private final CampaignFile reader;

    SmtpSection(CampaignFile reader) {
        this.reader = reader;
    }

    SmtpChoice read(YamlTree node) {
        if (node == null || node instanceof Scalar s && "sandbox".equals(s.text())) {
            return new SmtpChoice.Sandbox();
        }
        if (!(node instanceof Mapping smtp)) {
            reader.problem(node.line(), "'smtp' is either the word sandbox or a mapping with host, port, security, ...");
            return new SmtpChoice.Sandbox();
        }
        if (smtp.keyLines().containsKey("password")) {
            reader.problem(smtp.keyLines().get("password"), "smtp.password is not allowed: a password never goes in "
                    + "a file. Put it in an environment variable and name that variable with smtp.password_env");
        }
        reader.rejectUnknownKeys(withoutPassword(smtp), KEYS, "smtp.");
        String host = reader.text(smtp, "host", true);
        Security security = security(smtp);
        int port = port(smtp, security);
        SmtpSettings defaults = SmtpSettings.of(host == null ? "localhost" : host, port, security);
        Timeouts timeouts = timeouts(smtp, defaults);
        SmtpSettings settings = new SmtpSettings(defaults.host(), port, security, reader.text(smtp, "username", false),
                timeouts.connect, timeouts.read, timeouts.write, timeouts.dataEnd, reader.text(smtp, "helo", false),
                TrustStoreKey.read(reader, smtp, "smtp."),
                reader.parsed(smtp, "allow_cleartext_login", false, "smtp.", MailboxSection::yesOrNo));
        Auth auth = reader.parsed(smtp, "auth", Auth.PASSWORD, "smtp.", Auth::parse);
        String passwordEnv = reader.text(smtp, "password_env", false);
        if (auth == Auth.OAUTH2) {
            requireOAuthAccount(reader, smtp, "smtp.", passwordEnv, settings.username());
        }
        return new SmtpChoice.Relay(settings, passwordEnv, pacing(smtp), settings, auth);
    }

    /** A provider preset, then rate and daily_cap over it; connections and reconnects within that budget. */
    private Pacing pacing(Mapping smtp) {
        AccountLimits limits = AccountLimits.NONE;
        String provider = reader.text(smtp, "provider", false);
        if (provider != null) {
            limits = Presets.named(provider).orElse(null);
            if (limits == null) {
                reader.problem(smtp.keyLines().get("provider"), "smtp.provider: unknown preset '" + provider
                        + "': choose one of " + String.join(", ", Presets.names()) + ", or set rate and daily_cap");
                limits = AccountLimits.NONE;
            }
        }
        limits = new AccountLimits(reader.parsed(smtp, "rate", limits.rate(), "smtp.", Rate::parse), limits.dailyCap());
        int cap = reader.number(smtp, "daily_cap", limits.dailyCap(), 0, Integer.MAX_VALUE, "smtp.");
        int connections = reader.number(smtp, "connections", 1, 1, 16, "smtp.");
        int perConnection = reader.number(smtp, "messages_per_connection", 100, 0, Integer.MAX_VALUE, "smtp.");
        return new Pacing(new AccountLimits(limits.rate(), cap), connections, perConnection,
                Presets.messageSize(provider));
    }


    /** With XOAUTH2 the username is the account signed in; a password would never be used, so it is a mistake. */
    static void requireOAuthAccount(CampaignFile reader, Mapping section, String prefix, String passwordEnv,
                                    String username) {
        if (username == null) {
            reader.problem(section.keyLines().get("auth"), prefix + "auth: oauth2 needs " + prefix
                    + "username: the address of the account that signs in (e.g. letters@coalition.example.org)");
        }
        if (passwordEnv != null) {
            reader.problem(section.keyLines().get("password_env"), prefix + "password_env is not used with " + prefix
                    + "auth: oauth2 (the sign-in replaces the password): remove it, or set " + prefix + "auth: password");
        }
    }

    private static Mapping withoutPassword(Mapping smtp) {
        var lines = new java.util.LinkedHashMap<>(smtp.keyLines());
        lines.remove("password");
        return new Mapping(smtp.entries(), lines, smtp.line());
    }

    private Security security(Mapping smtp) {
        return reader.parsed(smtp, "security", Security.STARTTLS, "smtp.", Security::parse);
    }

    private int port(Mapping smtp, Security security) {
        return reader.number(smtp, "port", security.defaultPort(), 1, 65535, "smtp.");
    }

    private record Timeouts(Duration connect, Duration read, Duration write, Duration dataEnd) {}

    private Timeouts timeouts(Mapping smtp, SmtpSettings defaults) {
        YamlTree node = smtp.entries().get("timeouts");
        if (!(node instanceof Mapping t)) {
            if (node != null) {
                reader.problem(node.line(), "smtp.timeouts is a mapping, e.g. { connect: 30s, read: 5m, data_end: 10m }");
            }
            return new Timeouts(defaults.connectTimeout(), defaults.readTimeout(), defaults.writeTimeout(),
                    defaults.dataEndTimeout());
        }
        reader.rejectUnknownKeys(t, TIMEOUT_KEYS, "smtp.timeouts.");
        String prefix = "smtp.timeouts.";
        return new Timeouts(reader.duration(t, "connect", defaults.connectTimeout(), prefix),
                reader.duration(t, "read", defaults.readTimeout(), prefix),
                reader.duration(t, "write", defaults.writeTimeout(), prefix),
                reader.duration(t, "data_end", defaults.dataEndTimeout(), prefix));
    }
}
