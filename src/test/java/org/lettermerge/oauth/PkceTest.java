package org.lettermerge.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsTheSha256OfTheVerifierInUnpaddedBase64url() {
        // Computed apart: base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip('=')
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mJ92IZ1GyjnvZ5_7I9QRvYOtnFtb3Rw"))
                .isEqualTo("F-GHYQw64fywYR4e4B7WtDBsxbUrP9e_Z_e8hPC8Dw4");
    }

    @Test
    void eachLoginHasItsOwnVerifierAndStateAndNeitherIsPrinted() {
        Pkce a = Pkce.create();
        Pkce b = Pkce.create();
        assertThat(a.verifier()).hasSize(43).isNotEqualTo(b.verifier());
        assertThat(a.state()).isNotEqualTo(b.state());
        assertThat(a.toString()).doesNotContain(a.verifier()).doesNotContain(a.state());
    }

    @Test
    void theAuthorizationAddressAsksForACodeWithTheChallengeStateAndLoginHint() {
        OAuthSettings google = OAuthSettings.known(Provider.GOOGLE, "id.apps", null, null, List.of());
        Pkce pkce = Pkce.create();
        URI address = BrowserLogin.authorizationAddress(google, Account.of("Letters@Example.org", google), pkce,
                URI.create("http://127.0.0.1:5000/"));

        assertThat(address.toString()).startsWith("https://accounts.google.com/o/oauth2/v2/auth?response_type=code")
                .contains("client_id=id.apps", "redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2F",
                        "scope=https%3A%2F%2Fmail.google.com%2F", "state=" + pkce.state(),
                        "code_challenge=" + pkce.challenge(), "code_challenge_method=S256",
                        "login_hint=letters%40example.org", "access_type=offline")
                .doesNotContain(pkce.verifier());
    }

    @Test
    void accountsDifferingInProviderTenantOrClientAreKeptApart() {
        OAuthSettings a = OAuthSettings.known(Provider.MICROSOFT, "client-a", null, null, List.of());
        OAuthSettings b = OAuthSettings.known(Provider.MICROSOFT, "client-b", null, null, List.of());
        OAuthSettings c = OAuthSettings.known(Provider.MICROSOFT, "client-a", "contoso.onmicrosoft.com", null, List.of());
        String key = Account.of("letters@example.org", a).storageKey();
        assertThat(key).isEqualTo(Account.of("LETTERS@example.org", a).storageKey())
                .isNotEqualTo(Account.of("letters@example.org", b).storageKey())
                .isNotEqualTo(Account.of("letters@example.org", c).storageKey())
                .doesNotContain("letters");
        assertThat(new StoredGrant("rt-secret", java.time.Instant.EPOCH, null).toString()).doesNotContain("rt-secret");
    }
}
