package org.lettermerge.campaign;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.campaign.YamlTree.Scalar;
import org.lettermerge.campaign.YamlTree.Sequence;
import org.lettermerge.oauth.OAuthSettings;
import org.lettermerge.oauth.Provider;

/**
 * The campaign file's {@code oauth} key: who signs the organizer in for {@code smtp.auth: oauth2} and
 * {@code mailbox.auth: oauth2}. No secret is ever read from here: a client secret comes from the variable that
 * {@code client_secret_env} names, tokens from `lettermerge login`.
 */
final class OAuthSection {

    private static final Set<String> KEYS = Set.of("provider", "client_id", "tenant", "client_secret_env",
            "authorization_endpoint", "token_endpoint", "device_endpoint", "revocation_endpoint", "scopes");
    private static final Set<String> SECRETS = Set.of("client_secret", "refresh_token", "access_token");

    private final CampaignFile reader;

    OAuthSection(CampaignFile reader) {
        this.reader = reader;
    }

    /** The settings, or null when the section is absent or has problems (which are reported). */
    OAuthSettings read(YamlTree node) {
        if (node == null || node instanceof Scalar s && s.text() == null) {
            return null;
        }
        if (!(node instanceof Mapping oauth)) {
            reader.problem(node.line(), "'oauth' is a mapping with provider (microsoft, google or custom) and client_id");
            return null;
        }
        var lines = new java.util.LinkedHashMap<>(oauth.keyLines());
        for (String secret : SECRETS) {
            if (lines.remove(secret) != null) {
                reader.problem(oauth.keyLines().get(secret), "oauth." + secret + " is not allowed: secrets never go in "
                        + "a file. " + (secret.equals("client_secret") ? "Put it in an environment variable and name "
                        + "that variable with oauth.client_secret_env" : "`lettermerge login` signs in and keeps the "
                        + "tokens outside the campaign folder"));
            }
        }
        reader.rejectUnknownKeys(new Mapping(oauth.entries(), lines, oauth.line()), KEYS, "oauth.");
        Provider provider = reader.parsed(oauth, "provider", null, "oauth.", Provider::parse);
        String clientId = reader.text(oauth, "client_id", false);
        if (provider == null || clientId == null) {
            reader.problem(oauth.line(), "oauth needs provider (microsoft, google or custom) and client_id: the "
                    + "Application (client) ID of the app registered for Lettermerge (see the README, Signing in with OAuth)");
            return null;
        }
        String tenant = reader.text(oauth, "tenant", false);
        if (tenant != null && provider != Provider.MICROSOFT) {
            reader.problem(oauth.keyLines().get("tenant"), "oauth.tenant is for provider: microsoft only");
        }
        List<String> scopes = scopes(oauth);
        String secretEnv = reader.text(oauth, "client_secret_env", false);
        if (provider != Provider.CUSTOM) {
            for (String key : List.of("authorization_endpoint", "token_endpoint", "device_endpoint", "revocation_endpoint")) {
                if (oauth.keyLines().containsKey(key)) {
                    reader.problem(oauth.keyLines().get(key), "oauth." + key + " is for provider: custom; "
                            + provider.lowerName() + "'s endpoints are built in");
                }
            }
            return OAuthSettings.known(provider, clientId.strip(), tenant == null ? null : tenant.strip(), secretEnv, scopes);
        }
        URI authorization = endpoint(oauth, "authorization_endpoint", true);
        URI token = endpoint(oauth, "token_endpoint", true);
        URI device = endpoint(oauth, "device_endpoint", false);
        URI revocation = endpoint(oauth, "revocation_endpoint", false);
        if (scopes.isEmpty()) {
            reader.problem(oauth.line(), "oauth.scopes is required for provider: custom (the scopes that allow SMTP "
                    + "and IMAP, and the one that gives a refresh token)");
        }
        if (authorization == null || token == null || scopes.isEmpty()) {
            return null;
        }
        return new OAuthSettings(provider, clientId.strip(), null, secretEnv,
                new Provider.Endpoints(authorization, token, device), revocation, scopes);
    }

    private List<String> scopes(Mapping oauth) {
        YamlTree node = oauth.entries().get("scopes");
        List<String> scopes = new ArrayList<>();
        if (node == null || node instanceof Scalar s && s.text() == null) {
            return scopes;
        }
        List<YamlTree> items = node instanceof Sequence seq ? seq.items() : List.of(node);
        for (YamlTree item : items) {
            if (item instanceof Scalar s && s.text() != null && !s.text().isBlank()) {
                scopes.addAll(List.of(s.text().strip().split("\\s+")));
            } else {
                reader.problem(item.line(), "oauth.scopes is a list of scope names, e.g. [https://mail.google.com/]");
            }
        }
        return scopes;
    }

    private URI endpoint(Mapping oauth, String key, boolean required) {
        String text = reader.text(oauth, key, false);
        if (text == null) {
            if (required) {
                reader.problem(oauth.line(), "oauth." + key + " is required for provider: custom");
            }
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            boolean loopback = uri.getHost() != null && org.lettermerge.smtp.SmtpSettings.isLoopback(uri.getHost());
            // Codes and refresh tokens cross this connection: TLS, except to this machine.
            if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback) {
                return uri;
            }
            reader.problem(oauth.keyLines().get(key), "oauth." + key + " must be an https:// address (http:// only "
                    + "for 127.0.0.1 or localhost), found '" + text + "'");
        } catch (java.net.URISyntaxException e) {
            reader.problem(oauth.keyLines().get(key), "oauth." + key + " is not an address: " + e.getReason());
        }
        return null;
    }
}
