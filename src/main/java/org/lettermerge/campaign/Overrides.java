package org.lettermerge.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.schedule.AccountLimits;
import org.lettermerge.schedule.Rate;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpSettings;

/**
 * Command-line settings that override the campaign file (--smtp-host, --smtp-port, --smtp-security, --rate).
 * Kept as plain text so the log can store them with the campaign: `run` then sends it as `send` would have.
 */
public final class Overrides {

    public static final String SMTP_HOST = "smtp_host";
    public static final String SMTP_PORT = "smtp_port";
    public static final String SMTP_SECURITY = "smtp_security";
    public static final String RATE = "rate";

    private Overrides() {}

    /** The non-null values, by key, in a stable order. */
    public static Map<String, String> of(String host, Integer port, String security, String rate) {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, SMTP_HOST, host);
        put(map, SMTP_PORT, port == null ? null : port.toString());
        put(map, SMTP_SECURITY, security);
        put(map, RATE, rate);
        return map;
    }

    public static Campaign apply(Campaign campaign, Map<String, String> overrides) {
        Campaign result = campaign;
        String host = overrides.get(SMTP_HOST);
        String port = overrides.get(SMTP_PORT);
        String security = overrides.get(SMTP_SECURITY);
        if (host != null || port != null || security != null) {
            result = result.withSmtp(relay(result.smtp(), host, port, security));
        }
        String rate = overrides.get(RATE);
        if (rate != null && result.smtp() instanceof SmtpChoice.Relay relay) {
            Pacing pacing = relay.pacing().withLimits(
                    new AccountLimits(parseRate(rate), relay.pacing().limits().dailyCap()));
            result = result.withSmtp(new SmtpChoice.Relay(relay.settings(), relay.passwordEnv(), pacing, relay.inFile(),
                    relay.auth()));
        }
        return result;
    }

    private static SmtpChoice relay(SmtpChoice fromFile, String hostText, String portText, String securityText) {
        SmtpChoice.Relay relay = fromFile instanceof SmtpChoice.Relay r ? r : null;
        Security security = securityText != null ? parseSecurity(securityText)
                : relay != null ? relay.settings().security() : Security.NONE;
        String host = hostText != null ? hostText : relay != null ? relay.settings().host() : "127.0.0.1";
        int port = portText != null ? Integer.parseInt(portText)
                : relay != null && securityText == null ? relay.settings().port() : security.defaultPort();
        if (relay == null) {
            return new SmtpChoice.Relay(SmtpSettings.of(host, port, security), null, Pacing.UNLIMITED, null);
        }
        return new SmtpChoice.Relay(relay.settings().at(host, port, security), relay.passwordEnv(), relay.pacing(),
                relay.inFile(), relay.auth());
    }

    private static Security parseSecurity(String text) {
        try {
            return Security.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.error("--smtp-security", e.getMessage()));
        }
    }

    private static Rate parseRate(String text) {
        try {
            return Rate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.error("--rate", e.getMessage()));
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
