package org.lettermerge.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.TestTime;
import org.lettermerge.testsupport.oauth.AuthorizationServer;
import org.lettermerge.testsupport.oauth.Terminal;
import org.lettermerge.testsupport.oauth.TestBrowser;

/**
 * Signing in against a real authorization server (Spring Authorization Server on 127.0.0.1): the browser flow with
 * PKCE and the loopback redirect, the device flow, access tokens renewed by the clock, rotation and revocation.
 */
class RealServerSignInIT {

    private static AuthorizationServer server;

    @TempDir
    Path config;

    @BeforeAll
    static void startServer() {
        server = AuthorizationServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private OAuthSettings settings() {
        return new OAuthSettings(Provider.CUSTOM, AuthorizationServer.CLIENT_ID, null, "UNUSED",
                new Provider.Endpoints(server.endpoint("/oauth2/authorize"), server.endpoint("/oauth2/token"),
                        server.endpoint("/oauth2/device_authorization")),
                server.endpoint("/oauth2/revoke"), List.of("mail.send", "mail.read"));
    }

    private TokenEndpoint endpoint() {
        return new TokenEndpoint(TokenEndpoint.defaultClient(), settings(),
                AuthorizationServer.CLIENT_SECRET.toCharArray());
    }

    private Account account() {
        return Account.of(AuthorizationServer.USER, settings());
    }

    /** `login` in the background, the test's browser following the address it prints. */
    private LoginOutcome signInWithTheBrowser(TokenFiles store) {
        Terminal terminal = new Terminal();
        CompletableFuture<LoginOutcome> login = CompletableFuture.supplyAsync(() -> new BrowserLogin(endpoint(), store,
                Clock.systemUTC(), terminal.writer(), new BrowserLogin.Options(Duration.ofSeconds(30), false))
                .login(account()));
        TestBrowser.Page last = new TestBrowser(AuthorizationServer.USER, AuthorizationServer.PASSWORD)
                .signIn(terminal.address());
        assertThat(last.address().getHost()).isEqualTo("127.0.0.1");
        assertThat(last.body()).contains("You can close this window");
        return login.join();
    }

    @Test
    void theBrowserSignInStoresARefreshTokenWhoseAccessTokensTheServerRecognizes() throws Exception {
        TokenFiles store = new TokenFiles(config.resolve("tokens"));

        LoginOutcome outcome = signInWithTheBrowser(store);

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        Path file = store.fileOf(account());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String firstRefreshToken = store.read(account()).orElseThrow().refreshToken();
        SignIn signIn = new SignIn(account(), endpoint(), store, Clock.systemUTC(), "lettermerge login c.yaml");
        String accessToken = signIn.current();
        assertThat(server.activeSubject(accessToken)).isEqualTo(AuthorizationServer.USER);
        // The server rotates refresh tokens: the new one replaced the old in the store.
        assertThat(store.read(account()).orElseThrow().refreshToken()).isNotEqualTo(firstRefreshToken);
    }

    @Test
    void anAccessTokenIsKeptUntilFiveMinutesBeforeItExpiresThenRenewed() {
        TokenFiles store = new TokenFiles(config.resolve("tokens"));
        assertThat(signInWithTheBrowser(store)).isInstanceOf(LoginOutcome.SignedIn.class);
        TestTime clock = TestTime.at(java.time.Instant.now());
        SignIn signIn = new SignIn(account(), endpoint(), store, clock, "lettermerge login c.yaml");

        String first = signIn.current();
        // The server gives 10 minutes: at 4 the token has more than 5 left, at 6 it has less.
        clock.advance(Duration.ofMinutes(4));
        boolean keptAtFour = signIn.current().equals(first);
        clock.advance(Duration.ofMinutes(2));
        String second = signIn.current();

        assertThat(keptAtFour).isTrue();
        assertThat(second).isNotEqualTo(first);
        assertThat(server.activeSubject(second)).isEqualTo(AuthorizationServer.USER);
    }

    @Test
    void aRevokedRefreshTokenMeansSigningInAgainNamingTheCommand() {
        TokenFiles store = new TokenFiles(config.resolve("tokens"));
        assertThat(signInWithTheBrowser(store)).isInstanceOf(LoginOutcome.SignedIn.class);
        server.revoke(store.read(account()).orElseThrow().refreshToken());
        SignIn signIn = new SignIn(account(), endpoint(), store, Clock.systemUTC(), "lettermerge login c.yaml");

        assertThatThrownBy(signIn::current).isInstanceOf(LoginRequiredException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("sign in again: `lettermerge login c.yaml`");
    }

    @Test
    void theDeviceSignInCompletesOnceTheUserEntersTheCodeElsewhere() {
        TokenFiles store = new TokenFiles(config.resolve("tokens"));
        Terminal terminal = new Terminal();
        TestBrowser phone = new TestBrowser(AuthorizationServer.USER, AuthorizationServer.PASSWORD);
        List<Duration> waits = new java.util.ArrayList<>();
        // Instead of sleeping, the first wait is where the user opens the address on a phone and types the code.
        DeviceLogin.Pause userActs = interval -> {
            if (waits.isEmpty()) {
                URI verify = URI.create(terminal.address() + "?user_code=" + terminal.userCode());
                phone.signIn(verify);
            }
            waits.add(interval);
        };

        LoginOutcome outcome = new DeviceLogin(endpoint(), store, Clock.systemUTC(), userActs, terminal.writer())
                .login(account());

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(store.read(account())).isPresent();
        assertThat(waits).isNotEmpty();
    }
}
