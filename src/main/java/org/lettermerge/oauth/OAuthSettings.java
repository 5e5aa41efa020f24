package org.lettermerge.oauth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The campaign file's {@code oauth} section, endpoints and scopes resolved. Holds no secret: a client secret (only
 * where the provider wants one for desktop apps, e.g. Google) is read from the variable {@code clientSecretEnv} names.
 *
 * @param tenant          Microsoft's tenant (default {@code organizations}); null for the others
 * @param clientSecretEnv the environment variable with the client secret, or null for a public client
 * @param revocation      where {@code logout} revokes the refresh token, or null
 */
public record OAuthSettings(Provider provider, String clientId, String tenant, String clientSecretEnv,
                            Provider.Endpoints endpoints, URI revocation, List<String> scopes) {

    public OAuthSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(endpoints.authorization(), "authorization endpoint");
        Objects.requireNonNull(endpoints.token(), "token endpoint");
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is needed");
        }
    }

    /** A known provider's endpoints and, unless {@code scopes} is given, its default scopes. */
    public static OAuthSettings known(Provider provider, String clientId, String tenant, String clientSecretEnv,
                                      List<String> scopes) {
        String t = provider == Provider.MICROSOFT ? (tenant == null ? "organizations" : tenant) : null;
        URI revocation = provider == Provider.GOOGLE ? URI.create("https://oauth2.googleapis.com/revoke") : null;
        return new OAuthSettings(provider, clientId, t, clientSecretEnv, provider.endpoints(t), revocation,
                scopes == null || scopes.isEmpty() ? provider.defaultScopes() : scopes);
    }

    public String scopeParameter() {
        return String.join(" ", scopes);
    }

    /** Who issues the tokens, for the token store's key: the same account at another tenant is another sign-in. */
    String issuer() {
        return provider == Provider.MICROSOFT ? "microsoft/" + tenant : endpoints.token().toString();
    }
}
