package org.lettermerge.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provider's token and device authorization endpoints, over the JDK's HTTP client (form posts, JSON answers).
 * Nothing read or sent here is ever logged or put in an exception message: the answers hold tokens.
 */
public final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final OAuthSettings settings;
    private final char[] clientSecret;

    /** @param clientSecret null for a public client */
    public TokenEndpoint(HttpClient http, OAuthSettings settings, char[] clientSecret) {
        this.http = http;
        this.settings = settings;
        this.clientSecret = clientSecret == null ? null : clientSecret.clone();
    }

    public static HttpClient defaultClient() {
        // Never follow a redirect with a form that holds a code or a refresh token.
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public OAuthSettings settings() {
        return settings;
    }

    /** RFC 6749 4.1.3 with the PKCE verifier (RFC 7636 4.5). */
    public TokenReply exchangeCode(String code, String verifier, URI redirect) {
        return tokens(form("grant_type", "authorization_code", "code", code, "redirect_uri", redirect.toString(),
                "code_verifier", verifier));
    }

    /** RFC 6749 6. */
    public TokenReply refresh(String refreshToken) {
        return tokens(form("grant_type", "refresh_token", "refresh_token", refreshToken,
                "scope", settings.scopeParameter()));
    }

    /** RFC 8628 3.4. */
    public TokenReply pollDevice(String deviceCode) {
        return tokens(form("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode));
    }

    /** RFC 7009: the provider forgets the refresh token (and, usually, the access tokens it gave). */
    public void revoke(String refreshToken) {
        if (settings.revocation() == null) {
            return;
        }
        JsonNode body = post(settings.revocation(), form("token", refreshToken, "token_type_hint", "refresh_token"));
        int status = body.path("_status").asInt();
        if (status != 200) {
            throw new SignInException("the provider answered HTTP " + status + " to the revocation");
        }
    }

    /** RFC 8628 3.1-3.2. */
    public DeviceStart startDevice() {
        URI device = settings.endpoints().device();
        if (device == null) {
            throw new SignInException(settings.provider().lowerName() + " offers no device sign-in for mail: "
                    + "run `lettermerge login` without --device on a machine with a browser");
        }
        JsonNode body = post(device, form("scope", settings.scopeParameter()));
        String deviceCode = body.path("device_code").asText(null);
        String userCode = body.path("user_code").asText(null);
        // RFC 8628 says verification_uri; Google's older endpoint said verification_url.
        String uri = body.hasNonNull("verification_uri") ? body.get("verification_uri").asText()
                : body.path("verification_url").asText(null);
        if (body.hasNonNull("error")) {
            throw new SignInException("the device sign-in was refused: " + body.get("error").asText()
                    + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asText() : ""));
        }
        if (deviceCode == null || userCode == null || uri == null) {
            throw new SignInException("the device authorization endpoint " + device + " answered without a device "
                    + "code, user code and verification address: check oauth.device_endpoint");
        }
        return new DeviceStart(deviceCode, userCode, URI.create(uri),
                body.hasNonNull("verification_uri_complete") ? URI.create(body.get("verification_uri_complete").asText()) : null,
                Duration.ofSeconds(body.path("expires_in").asLong(900)),
                Duration.ofSeconds(Math.max(1, body.path("interval").asLong(5))));
    }

    /** What the user must do on another device, and how long the code lasts. The device code is not shown. */
    public record DeviceStart(String deviceCode, String userCode, URI verificationUri, URI verificationUriComplete,
                              Duration expiresIn, Duration interval) {
        @Override
        public String toString() {
            return "DeviceStart[" + verificationUri + ", expiresIn=" + expiresIn + "]";
        }
    }

    private TokenReply tokens(Map<String, String> form) {
        JsonNode body = post(settings.endpoints().token(), form);
        if (body.hasNonNull("error")) {
            return new TokenReply.Refused(body.path("_status").asInt(), body.get("error").asText(),
                    body.path("error_description").asText(null));
        }
        String access = body.path("access_token").asText(null);
        if (access == null || access.isBlank() || !body.path("token_type").asText("bearer").equalsIgnoreCase("bearer")) {
            throw new SignInException("the token endpoint " + settings.endpoints().token() + " answered without a "
                    + "bearer access token: check the oauth settings (provider, token_endpoint)");
        }
        String refresh = body.path("refresh_token").asText(null);
        long lifetime = body.path("refresh_token_expires_in").asLong(0);
        return new TokenReply.Granted(access, refresh == null || refresh.isBlank() ? null : refresh,
                Duration.ofSeconds(body.path("expires_in").asLong(3600)), lifetime > 0 ? Duration.ofSeconds(lifetime) : null);
    }

    private Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.put("client_id", settings.clientId());
        if (clientSecret != null) {
            // client_secret_post (RFC 6749 2.3.1): what Google documents for desktop clients.
            form.put("client_secret", new String(clientSecret));
        }
        return form;
    }

    /** The JSON answer, with the HTTP status as {@code _status}; any non-JSON answer is an error without its text. */
    private JsonNode post(URI endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInException("cannot reach " + endpoint.getHost() + " (" + networkFault(e)
                    + "): check the network and try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("interrupted while waiting for " + endpoint.getHost());
        }
        if (response.body().isBlank() && response.statusCode() == 200) {
            return JSON.createObjectNode().put("_status", 200); // RFC 7009 2.2: a revocation answers with no body
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node != null && node.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("_status", response.statusCode());
                return node;
            }
        } catch (IOException e) {
            // not JSON: reported below without quoting it (it could hold a token)
        }
        throw new SignInException(endpoint + " answered HTTP " + response.statusCode()
                + " with something that is not an OAuth JSON answer: check the endpoint in the oauth settings");
    }

    /** What went wrong on the way, in words: the JDK's exception names mean nothing to an organizer. */
    static String networkFault(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "no such host name";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "the secure connection could not be set up";
        }
        return "the connection failed";
    }
}
