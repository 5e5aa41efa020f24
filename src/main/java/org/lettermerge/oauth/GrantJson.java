package org.lettermerge.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** How a stored grant is written, in a token file or a keyring entry alike. Errors never quote the text. */
final class GrantJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GrantJson() {}

    static byte[] write(Account account, StoredGrant grant) {
        ObjectNode node = JSON.createObjectNode();
        node.put("account", account.username());
        node.put("provider", account.provider().lowerName());
        node.put("client_id", account.clientId());
        node.put("issuer", account.issuer());
        node.put("refresh_token", grant.refreshToken());
        node.put("confirmed_at", grant.confirmedAt().toString());
        node.put("expires_at", grant.expiresAt() == null ? null : grant.expiresAt().toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** The grant, or empty when the text holds none; an IOException (without the text) when it is not readable. */
    static Optional<StoredGrant> read(byte[] text) throws IOException {
        try {
            JsonNode node = JSON.readTree(text);
            String token = node == null ? null : node.path("refresh_token").asText(null);
            if (token == null || token.isBlank() || !node.hasNonNull("confirmed_at")) {
                return Optional.empty();
            }
            return Optional.of(new StoredGrant(token, Instant.parse(node.get("confirmed_at").asText()),
                    node.hasNonNull("expires_at") ? Instant.parse(node.get("expires_at").asText()) : null));
        } catch (IOException | RuntimeException e) {
            // Not chained: a parser's message quotes the text it choked on, which may be the token.
            throw new IOException("not a Lettermerge token entry (" + e.getClass().getSimpleName() + ")");
        }
    }
}
