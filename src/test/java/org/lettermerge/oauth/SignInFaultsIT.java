package org.lettermerge.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.oauth.ScriptedTokenServer;
import org.lettermerge.testsupport.oauth.ScriptedTokenServer.Reply;
import org.lettermerge.testsupport.oauth.Terminal;
import org.lettermerge.testsupport.oauth.TestBrowser;

/**
 * The sign-in faults a real authorization server will not produce on demand — slow_down, expired_token,
 * access_denied while polling, a redirect with another login's state, a token answer that is not OAuth JSON —
 * against a scripted endpoint on 127.0.0.1. Each ends with a clear reason and nothing stored.
 */
class SignInFaultsIT {

    private static final String GRANTED = """
            {"access_token":"at-scripted-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-scripted-1"}""";

    private final ScriptedTokenServer server = ScriptedTokenServer.start();

    @TempDir
    Path config;

    @AfterEach
    void stop() {
        server.close();
    }

    private OAuthSettings settings() {
        return new OAuthSettings(Provider.CUSTOM, "scripted-client", null, null,
                new Provider.Endpoints(server.uri("/authorize"), server.uri("/token"), server.uri("/device")), null,
                List.of("mail"));
    }

    private TokenEndpoint endpoint() {
        return new TokenEndpoint(TokenEndpoint.defaultClient(), settings(), null);
    }

    private Account account() {
        return Account.of("letters@example.org", settings());
    }

    private TokenFiles store() {
        return new TokenFiles(config.resolve("tokens"));
    }

    private LoginOutcome deviceLogin(List<Duration> waits) {
        return new DeviceLogin(endpoint(), store(), Clock.systemUTC(), waits::add,
                new PrintWriter(new StringWriter())).login(account());
    }

    @Test
    void slowDownAddsFiveSecondsToEveryLaterPollAndPendingKeepsWaiting() {
        server.thenToken(Reply.error("authorization_pending"), Reply.error("slow_down"),
                Reply.error("authorization_pending"), Reply.json(200, GRANTED));
        List<Duration> waits = new ArrayList<>();

        LoginOutcome outcome = deviceLogin(waits);

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        assertThat(store().read(account()).orElseThrow().refreshToken()).isEqualTo("rt-scripted-1");
        assertThat(server.tokenRequests()).allMatch(r -> r.contains("device_code=scripted-device-code"));
    }

    @Test
    void anExpiredCodeEndsTheDeviceSignInWithNothingStored() {
        server.thenToken(Reply.error("authorization_pending"), Reply.error("expired_token"));

        LoginOutcome outcome = deviceLogin(new ArrayList<>());

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> assertThat(f.reason())
                .contains("the code expired").contains("login --device").contains("Nothing was stored"));
        assertThat(store().read(account())).isEmpty();
    }

    @Test
    void aDeclinedDeviceSignInSaysSoWithNothingStored() {
        server.thenToken(Reply.error("access_denied"));

        assertThat(deviceLogin(new ArrayList<>())).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("declined"));
        assertThat(store().read(account())).isEmpty();
    }

    @Test
    void aRedirectCarryingAnotherLoginsStateIsRefusedAndTheCodeNeverExchanged() {
        LoginOutcome outcome = browserLogin(Duration.ofSeconds(30), true);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> assertThat(f.reason())
                .contains("state mismatch").contains("Nothing was stored"));
        assertThat(server.tokenRequests()).isEmpty();
        assertThat(store().read(account())).isEmpty();
    }

    @Test
    void aBrowserClosedBeforeTheEndTimesOutWithAClearMessageAndNothingStored() {
        LoginOutcome outcome = browserLogin(Duration.ofMillis(300), false);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> assertThat(f.reason())
                .contains("no answer from the browser").contains("closed").contains("Nothing was stored"));
        assertThat(store().read(account())).isEmpty();
    }

    @Test
    void aTokenAnswerThatIsNotOAuthJsonIsAnErrorThatDoesNotQuoteIt() {
        server.thenToken(new Reply(200, "text/html", "<html>refresh_token=rt-leaked-in-html</html>"));
        store().save(account(), new StoredGrant("rt-stored", java.time.Instant.now(), null));
        SignIn signIn = new SignIn(account(), endpoint(), store(), Clock.systemUTC(), "lettermerge login c.yaml");

        Throwable failure = catchThrowable(signIn::current);

        assertThat(failure).isInstanceOf(SignInException.class).hasMessageContaining("not an OAuth JSON answer");
        assertThat(failure.getMessage()).doesNotContain("rt-leaked-in-html").doesNotContain("rt-stored");
        assertThat(store().read(account()).orElseThrow().refreshToken()).isEqualTo("rt-stored");
    }

    @Test
    void aRefreshThatRotatesTheTokenReplacesItInTheStore() {
        server.thenToken(Reply.json(200, GRANTED.replace("rt-scripted-1", "rt-rotated")));
        store().save(account(), new StoredGrant("rt-before", java.time.Instant.now(), null));

        new SignIn(account(), endpoint(), store(), Clock.systemUTC(), "lettermerge login c.yaml").current();

        assertThat(store().read(account()).orElseThrow().refreshToken()).isEqualTo("rt-rotated");
        assertThat(server.tokenRequests()).singleElement().asString().contains("refresh_token=rt-before");
    }

    @Test
    void aTokenRotatedByAnotherProcessMeanwhileIsTriedBeforeAskingForALogin() {
        TokenFiles store = store();
        store.save(account(), new StoredGrant("rt-old", java.time.Instant.now(), null));
        // While this process asks with rt-old, another one has just used it and stored its rotated successor.
        server.whenTokenAsked(() -> store.save(account(), new StoredGrant("rt-new", java.time.Instant.now(), null)))
                .thenToken(Reply.error("invalid_grant"), Reply.json(200, GRANTED.replace("rt-scripted-1", "rt-newer")));

        String token = new SignIn(account(), endpoint(), store, Clock.systemUTC(), "lettermerge login c.yaml").current();

        assertThat(token).isEqualTo("at-scripted-1");
        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.tokenRequests().get(0)).contains("refresh_token=rt-old");
        assertThat(server.tokenRequests().get(1)).contains("refresh_token=rt-new");
        assertThat(store.read(account()).orElseThrow().refreshToken()).isEqualTo("rt-newer");
    }

    @Test
    void invalidGrantWithNoNewerTokenIsALoginProblem() {
        store().save(account(), new StoredGrant("rt-revoked", java.time.Instant.now(), null));
        server.thenToken(json400("invalid_grant", "AADSTS70008: The refresh token has expired due to inactivity."));

        Throwable failure = catchThrowable(() -> new SignIn(account(), endpoint(), store(), Clock.systemUTC(),
                "lettermerge login c.yaml").current());

        assertThat(failure).isInstanceOf(LoginRequiredException.class).hasMessageContaining("AADSTS70008")
                .hasMessageContaining("sign in again: `lettermerge login c.yaml`")
                .hasMessageNotContaining("rt-revoked");
        assertThat(server.tokenRequests()).hasSize(1);
    }

    private static Reply json400(String error, String description) {
        return Reply.json(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    /** A browser login whose browser either follows the address (to the scripted /authorize) or never opens it. */
    private LoginOutcome browserLogin(Duration timeout, boolean browserOpens) {
        Terminal terminal = new Terminal();
        CompletableFuture<LoginOutcome> login = CompletableFuture.supplyAsync(() -> new BrowserLogin(endpoint(), store(),
                Clock.systemUTC(), terminal.writer(), new BrowserLogin.Options(timeout, false)).login(account()));
        if (browserOpens) {
            new TestBrowser("letters@example.org", "unused").signIn(terminal.address());
        }
        return login.join();
    }
}
