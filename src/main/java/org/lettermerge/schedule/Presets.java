package org.lettermerge.schedule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sending limits of the providers users meet, so a campaign can say {@code limits: google-workspace} instead of
 * looking the numbers up. Caps are the providers' published numbers; where a provider publishes no per-minute rate
 * we chose one (said so below), slow enough not to look like a burst and fast enough to reach the cap in hours.
 */
public final class Presets {

    private static final Map<String, AccountLimits> PRESETS = new LinkedHashMap<>();
    private static final Map<String, MessageSizeLimit> MESSAGE_SIZES = new LinkedHashMap<>();

    static {
        // Google Workspace: 2,000 messages per user per rolling 24 h ("Gmail sending limits in Google Workspace",
        // https://support.google.com/a/answer/166852). Google publishes no per-minute limit; we use 30/min,
        // the per-minute limit Microsoft publishes, so the 2,000 go out over about 67 minutes, not in a burst.
        PRESETS.put("google-workspace", new AccountLimits(perMinute(30), 2_000));
        // Consumer Gmail: about 500 recipients per rolling 24 h (https://support.google.com/mail/answer/22839).
        // No published rate; consumer accounts are watched more closely, so we pace at 20/min.
        PRESETS.put("gmail", new AccountLimits(perMinute(20), 500));
        // Exchange Online: 30 messages per minute and 10,000 recipients per day ("Exchange Online limits",
        // https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits).
        PRESETS.put("microsoft-365", new AccountLimits(perMinute(30), 10_000));
        // Amazon SES sandbox: 200 messages per 24 h at 1 per second; throttled mail is dropped, not retried by SES
        // (https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html).
        PRESETS.put("amazon-ses-sandbox", new AccountLimits(new Rate(1, Duration.ofSeconds(1)), 200));
        PRESETS.put("unlimited", AccountLimits.NONE);

        // The largest message each provider takes, counted as it travels (attachments base64-encoded). Read as
        // decimal megabytes, the smaller reading, so a letter we pass is never refused for a few percent.
        // Gmail and Workspace: 25 MB (https://support.google.com/mail/answer/6584).
        sizeLimit("google-workspace", 25);
        sizeLimit("gmail", 25);
        // Exchange Online: 35 MB default send limit (the Exchange Online limits page above, "Message limits").
        sizeLimit("microsoft-365", 35);
        // SES: 40 MB including attachments after base64 encoding (https://docs.aws.amazon.com/ses/latest/dg/quotas.html).
        sizeLimit("amazon-ses-sandbox", 40);
    }

    private static void sizeLimit(String preset, long megabytes) {
        MESSAGE_SIZES.put(preset, new MessageSizeLimit(megabytes * 1_000_000, preset));
    }

    private Presets() {}

    private static Rate perMinute(int messages) {
        return new Rate(messages, Duration.ofMinutes(1));
    }

    /** The preset of that name (case and surrounding spaces ignored), if there is one. */
    public static Optional<AccountLimits> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(PRESETS.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The largest message the preset's provider takes; {@link MessageSizeLimit#NONE} for none or an unknown name. */
    public static MessageSizeLimit messageSize(String name) {
        if (name == null) {
            return MessageSizeLimit.NONE;
        }
        return MESSAGE_SIZES.getOrDefault(name.strip().toLowerCase(Locale.ROOT), MessageSizeLimit.NONE);
    }

    /** Every preset name, in a fixed order, for help texts and error messages. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }
}
