package org.lettermerge.oauth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Who signs the organizer in. Microsoft and Google publish fixed endpoints (Microsoft's hold the tenant); a
 * {@code custom} provider names its own in the campaign file.
 */
public enum Provider {
    MICROSOFT(List.of("https://outlook.office.com/SMTP.Send", "https://outlook.office.com/IMAP.AccessAsUser.All",
            "offline_access")),
    GOOGLE(List.of("https://mail.google.com/")),
    CUSTOM(List.of());

    private final List<String> defaultScopes;

    Provider(List<String> defaultScopes) {
        this.defaultScopes = defaultScopes;
    }

    public List<String> defaultScopes() {
        return defaultScopes;
    }

    /** The endpoints of a known provider; CUSTOM has none of its own. */
    Endpoints endpoints(String tenant) {
        return switch (this) {
            case MICROSOFT -> {
                String base = "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/";
                yield new Endpoints(URI.create(base + "authorize"), URI.create(base + "token"),
                        URI.create(base + "devicecode"));
            }
            // Google's device flow does not grant the Gmail scope: no device endpoint, so --device says so.
            case GOOGLE -> new Endpoints(URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                    URI.create("https://oauth2.googleapis.com/token"), null);
            case CUSTOM -> throw new IllegalStateException("a custom provider names its endpoints");
        };
    }

    /**
     * The host of the loopback redirect (RFC 8252 7.3). Entra ID matches a registered {@code http://localhost} on any
     * port but not 127.0.0.1; Google and standard servers accept the IP literal, which RFC 8252 prefers.
     */
    String loopbackHost() {
        return this == MICROSOFT ? "localhost" : "127.0.0.1";
    }

    public static Provider parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a provider: choose microsoft, google or custom");
        }
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where a provider signs in and hands out tokens; {@code device} is null where there is no device flow. */
    public record Endpoints(URI authorization, URI token, URI device) {}
}
