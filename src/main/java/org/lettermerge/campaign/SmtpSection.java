package org.lettermerge.campaign;

import java.time.Duration;
import java.util.Set;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.campaign.YamlTree.Scalar;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

/** The campaign file's {@code smtp} key: the word {@code sandbox}, or the settings of a real relay. */
final class SmtpSection {

    private static final Set<String> KEYS = Set.of("host", "port", "security", "username", "password_env", "helo",
            "timeouts");
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
                timeouts.connect, timeouts.read, timeouts.write, timeouts.dataEnd, reader.text(smtp, "helo", false));
        return new SmtpChoice.Relay(settings, reader.text(smtp, "password_env", false));
    }

    private static Mapping withoutPassword(Mapping smtp) {
        var lines = new java.util.LinkedHashMap<>(smtp.keyLines());
        lines.remove("password");
        return new Mapping(smtp.entries(), lines, smtp.line());
    }

    private Security security(Mapping smtp) {
        String value = reader.text(smtp, "security", false);
        if (value == null) {
            return Security.STARTTLS;
        }
        try {
            return Security.parse(value);
        } catch (IllegalArgumentException e) {
            reader.problem(smtp.keyLines().get("security"), "smtp.security: " + e.getMessage());
            return Security.STARTTLS;
        }
    }

    private int port(Mapping smtp, Security security) {
        String value = reader.text(smtp, "port", false);
        if (value == null) {
            return switch (security) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case TLS -> 465;
            };
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like an out-of-range number
        }
        reader.problem(smtp.keyLines().get("port"), "smtp.port must be a number from 1 to 65535, found '" + value + "'");
        return 25;
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
        return new Timeouts(duration(t, "connect", defaults.connectTimeout()), duration(t, "read", defaults.readTimeout()),
                duration(t, "write", defaults.writeTimeout()), duration(t, "data_end", defaults.dataEndTimeout()));
    }

    private Duration duration(Mapping timeouts, String key, Duration fallback) {
        String value = reader.text(timeouts, key, false);
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            reader.problem(timeouts.keyLines().get(key), "smtp.timeouts." + key + ": " + e.getMessage());
            return fallback;
        }
    }
}
