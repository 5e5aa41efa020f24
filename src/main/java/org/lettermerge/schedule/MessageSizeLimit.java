package org.lettermerge.schedule;

import java.util.Locale;

/**
 * The most bytes one message may have, measured as it travels (the encoded MIME message: base64 makes an attachment
 * about 37% larger), and who sets it: a provider preset, or the server's {@code SIZE} in its EHLO reply (RFC 1870).
 *
 * @param bytes  the limit; 0 means none
 * @param source who sets it, for messages: "microsoft-365", "the server 127.0.0.1:25 (EHLO SIZE)"
 */
public record MessageSizeLimit(long bytes, String source) {

    public static final MessageSizeLimit NONE = new MessageSizeLimit(0, "none");

    public MessageSizeLimit {
        if (bytes < 0) {
            throw new IllegalArgumentException("a message size limit cannot be negative (0 means none), got " + bytes);
        }
    }

    public boolean isSet() {
        return bytes > 0;
    }

    public boolean exceededBy(long messageBytes) {
        return isSet() && messageBytes > bytes;
    }

    /**
     * Bytes as people read them in mail clients: decimal units (1 MB = 1,000,000 bytes), one decimal from 1 MB up,
     * so "25 MB" in a provider's help page and here mean the same.
     */
    public static String describe(long bytes) {
        if (bytes >= 1_000_000) {
            double mb = bytes / 1_000_000.0;
            return (mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f", mb) : String.format(Locale.ROOT, "%.1f", mb))
                    + " MB";
        }
        if (bytes >= 1_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1_000.0);
        }
        return bytes + " bytes";
    }
}
