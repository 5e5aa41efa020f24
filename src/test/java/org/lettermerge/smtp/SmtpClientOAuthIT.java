package org.lettermerge.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.oauth.AccessTokens;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.LoginOutcome;
import org.lettermerge.oauth.SignIn;
import org.lettermerge.oauth.TokenFiles;
import org.lettermerge.testsupport.oauth.AuthorizationServer;
import org.lettermerge.testsupport.oauth.TokenCheckingGreenMail;
import org.lettermerge.testsupport.oauth.TokenCheckingGreenMail.Login;

/**
 * The SMTP login with SASL XOAUTH2: a refused token gets exactly one refresh and one more connection; a second
 * refusal or a dead refresh token is a login problem; Microsoft's 535 5.7.139 is an admin's switch, not a sign-in.
 */
class SmtpClientOAuthIT {

    private static AuthorizationServer server;

    @TempDir
    Path config;
    private TokenCheckingGreenMail mail;
    private TokenFiles store;
    private SignIn signIn;

    @BeforeAll
    static void startServer() {
        server = AuthorizationServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void signInAndStartMail() {
        mail = new TokenCheckingGreenMail(server, login -> { }, new ServerSetup(0, "127.0.0.1", "smtp"));
        mail.start();
        store = new TokenFiles(config.resolve("tokens"));
        assertThat(server.signInWithTheBrowser(store, AuthorizationServer.USER)).isInstanceOf(LoginOutcome.SignedIn.class);
        signIn = new SignIn(Account.of(AuthorizationServer.USER, server.settings()), server.tokenEndpoint(), store,
                Clock.systemUTC(), "lettermerge login campaign.yaml");
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    private SmtpSettings settings(int port) {
        return SmtpSettings.of("127.0.0.1", port, Security.NONE).withUsername(AuthorizationServer.USER);
    }

    @Test
    void aTokenTheServerIssuedSignsIn() {
        try (SmtpClient client = new SmtpClient(settings(mail.getSmtp().getPort()), new Credentials.OAuth2(signIn),
                Clock.systemUTC())) {
            client.connect();
        }
        assertThat(mail.logins()).singleElement().matches(Login::accepted);
    }

    @Test
    void aTokenTheServerNeverIssuedIsRefusedSoTheseTestsProveSomething() {
        AccessTokens forged = fixed("eyJhbGciOiJub25lIn0.eyJzdWIiOiJsZXR0ZXJzQGNvYWxpdGlvbi5leGFtcGxlLm9yZyJ9.");
        try (SmtpClient client = new SmtpClient(settings(mail.getSmtp().getPort()), new Credentials.OAuth2(forged),
                Clock.systemUTC())) {
            ServerUnavailableException e = catchThrowableOfType(ServerUnavailableException.class, client::connect);
            assertThat(e.reason()).isEqualTo(ServerUnavailableException.Reason.LOGIN_REQUIRED);
        }
        assertThat(mail.logins()).hasSize(2).noneMatch(Login::accepted);
    }

    @Test
    void aRevokedAccessTokenGetsOneRefreshAndOneMoreConnection() {
        String revoked = signIn.current();
        server.revoke(revoked);

        try (SmtpClient client = new SmtpClient(settings(mail.getSmtp().getPort()), new Credentials.OAuth2(signIn),
                Clock.systemUTC())) {
            client.connect();
        }

        assertThat(mail.logins()).hasSize(2);
        assertThat(mail.logins().get(0).accepted()).isFalse();
        assertThat(mail.logins().get(0).token().equals(revoked)).isTrue();
        assertThat(mail.logins().get(1).accepted()).isTrue();
    }

    @Test
    void aRevokedSignInIsALoginProblemThatNamesTheCommandAndHoldsNoToken() {
        String accessToken = signIn.current();
        String refreshToken = store.read(signIn.account()).orElseThrow().refreshToken();
        server.revoke(refreshToken);

        ServerUnavailableException e;
        try (SmtpClient client = new SmtpClient(settings(mail.getSmtp().getPort()), new Credentials.OAuth2(signIn),
                Clock.systemUTC())) {
            e = catchThrowableOfType(ServerUnavailableException.class, client::connect);
        }

        assertThat(e.reason()).isEqualTo(ServerUnavailableException.Reason.LOGIN_REQUIRED);
        assertThat(e).hasMessageContaining("invalid_grant").hasMessageContaining("`lettermerge login campaign.yaml`");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage()).contains(accessToken)).isFalse();
            assertThat(String.valueOf(t.getMessage()).contains(refreshToken)).isFalse();
        }
        assertThat(mail.logins()).hasSize(1).noneMatch(Login::accepted);
    }

    @Test
    void microsoftsSmtpAuthDisabledReplySaysWhatTheAdminMustTurnOnAndDoesNotRefresh() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        AccessTokens tokens = new AccessTokens() {
            public String username() { return AuthorizationServer.USER; }
            public String current() { return "at-valid-for-all-we-know"; }
            public String renewed() { renewals.incrementAndGet(); return "at-renewed"; }
            public String signInAgain() { return "sign in again: `lettermerge login campaign.yaml`"; }
        };
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread exchange = new Thread(() -> answerWith5_7_139(listener), "smtp-auth-disabled");
            exchange.setDaemon(true);
            exchange.start();
            ServerUnavailableException e;
            try (SmtpClient client = new SmtpClient(settings(listener.getLocalPort()), new Credentials.OAuth2(tokens),
                    Clock.systemUTC())) {
                e = catchThrowableOfType(ServerUnavailableException.class, client::connect);
            }
            assertThat(e.reason()).isEqualTo(ServerUnavailableException.Reason.AUTHENTICATION_REJECTED);
            assertThat(e).hasMessageContaining("5.7.139").hasMessageContaining("Authenticated SMTP")
                    .hasMessageContaining("Signing in again will not help");
            assertThat(renewals).hasValue(0);
        }
    }

    @Test
    void aServerWithoutXoauth2IsToldApartFromARefusedTokenAndIsNeverSentOne() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        AccessTokens tokens = new AccessTokens() {
            public String username() { return AuthorizationServer.USER; }
            public String current() { return "at-never-to-be-sent"; }
            public String renewed() { renewals.incrementAndGet(); return "at-never-to-be-sent"; }
            public String signInAgain() { return "sign in again: `lettermerge login campaign.yaml`"; }
        };
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread exchange = new Thread(() -> answerWithPasswordsOnly(listener, heard), "smtp-passwords-only");
            exchange.setDaemon(true);
            exchange.start();
            ServerUnavailableException e;
            try (SmtpClient client = new SmtpClient(settings(listener.getLocalPort()), new Credentials.OAuth2(tokens),
                    Clock.systemUTC())) {
                e = catchThrowableOfType(ServerUnavailableException.class, client::connect);
            }
            exchange.join(10_000);
            assertThat(e.reason()).isEqualTo(ServerUnavailableException.Reason.AUTHENTICATION_NOT_OFFERED);
            assertThat(e).hasMessageContaining("offers no OAuth sign-in").hasMessageContaining("its AUTH is PLAIN LOGIN");
            assertThat(renewals).hasValue(0);
            assertThat(heard).noneMatch(line -> line.contains("AUTH") || line.contains("at-never"));
        }
    }

    private static void answerWithPasswordsOnly(ServerSocket listener, java.util.List<String> heard) {
        try (Socket s = listener.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII)) {
            out.write("220 relay.example ESMTP\r\n");
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                heard.add(line);
                if (line.startsWith("EHLO")) {
                    out.write("250-relay.example\r\n250 AUTH PLAIN LOGIN\r\n");
                } else if (line.startsWith("QUIT")) {
                    out.write("221 bye\r\n");
                    out.flush();
                    return;
                } else {
                    out.write("503 no\r\n");
                }
                out.flush();
            }
        } catch (java.io.IOException e) {
            // the client closed first
        }
    }

    /** Office 365's answer when SMTP AUTH is disabled for the tenant, as documented by Microsoft. */
    private static void answerWith5_7_139(ServerSocket listener) {
        try (Socket s = listener.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII)) {
            out.write("220 outlook.example ESMTP\r\n");
            out.flush();
            in.readLine(); // EHLO
            out.write("250-outlook.example Hello\r\n250-SIZE 157286400\r\n250 AUTH LOGIN XOAUTH2\r\n");
            out.flush();
            in.readLine(); // AUTH XOAUTH2 ...
            out.write("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.\r\n");
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("QUIT")) {
                    out.write("221 bye\r\n");
                    out.flush();
                    return;
                }
                out.write("503 no\r\n");
                out.flush();
            }
        } catch (java.io.IOException e) {
            // the client closed first: nothing more to answer
        }
    }

    private static AccessTokens fixed(String token) {
        return new AccessTokens() {
            public String username() { return AuthorizationServer.USER; }
            public String current() { return token; }
            public String renewed() { return token; }
            public String signInAgain() { return "sign in again: `lettermerge login campaign.yaml`"; }
        };
    }
}
