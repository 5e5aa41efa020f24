package org.lettermerge.followup;

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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.campaign.Auth;
import org.lettermerge.campaign.MailboxSettings;
import org.lettermerge.oauth.Account;
import org.lettermerge.oauth.LoginOutcome;
import org.lettermerge.oauth.SignIn;
import org.lettermerge.oauth.TokenFiles;
import org.lettermerge.smtp.Credentials;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.testsupport.oauth.AuthorizationServer;
import org.lettermerge.testsupport.oauth.TokenCheckingGreenMail;
import org.lettermerge.testsupport.oauth.TokenCheckingGreenMail.Login;

/** The mailbox read with IMAP XOAUTH2: the same rule as SMTP, one refresh and one more login, then `login`. */
class ImapOAuthIT {

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
        mail = new TokenCheckingGreenMail(server, login -> { }, new ServerSetup(0, "127.0.0.1", "imap"));
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

    private MailboxSettings mailbox() {
        return new MailboxSettings("127.0.0.1", mail.getImap().getPort(), Security.NONE, AuthorizationServer.USER, null,
                "INBOX", null, Duration.ofSeconds(5), Duration.ofSeconds(10), true, null, Auth.OAUTH2);
    }

    @Test
    void theMailboxOpensWithATokenTheServerIssued() throws Exception {
        try (ImapMailbox box = ImapMailbox.open(mailbox(), new Credentials.OAuth2(signIn))) {
            assertThat(box.messagesAfter(0)).isEmpty();
        }
        assertThat(mail.logins()).singleElement().matches(Login::accepted);
    }

    @Test
    void aRevokedAccessTokenIsRenewedOnceAndTheMailboxOpens() throws Exception {
        server.revoke(signIn.current());

        try (ImapMailbox box = ImapMailbox.open(mailbox(), new Credentials.OAuth2(signIn))) {
            assertThat(box.uidValidity()).isPositive();
        }

        assertThat(mail.logins()).extracting(Login::accepted).containsExactly(false, true);
    }

    @Test
    void aServerWithoutXoauth2IsNeverSentTheTokenAsAPassword() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> passwordsOnlyImap(listener, heard), "imap-passwords-only");
            server.setDaemon(true);
            server.start();
            MailboxSettings passwordsOnly = new MailboxSettings("127.0.0.1", listener.getLocalPort(), Security.NONE,
                    AuthorizationServer.USER, null, "INBOX", null, Duration.ofSeconds(5), Duration.ofSeconds(10), true,
                    null, Auth.OAUTH2);

            ServerUnavailableException e = catchThrowableOfType(ServerUnavailableException.class,
                    () -> ImapMailbox.open(passwordsOnly, new Credentials.OAuth2(signIn)).close());
            server.join(10_000);

            assertThat(e).hasMessageContaining("offers no OAuth sign-in");
            String token = signIn.current();
            assertThat(heard).noneMatch(line -> line.toUpperCase().contains("LOGIN")
                    || line.toUpperCase().contains("AUTHENTICATE") || line.contains(token));
        }
    }

    /** An IMAP server that takes passwords only (AUTH=PLAIN, and the LOGIN command). */
    private static void passwordsOnlyImap(ServerSocket listener, List<String> heard) {
        try (Socket s = listener.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII)) {
            out.write("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] passwords only\r\n");
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                heard.add(line);
                String tag = line.split(" ", 2)[0];
                if (line.toUpperCase().contains("CAPABILITY")) {
                    out.write("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK done\r\n");
                } else if (line.toUpperCase().contains("LOGOUT")) {
                    out.write("* BYE\r\n" + tag + " OK bye\r\n");
                    out.flush();
                    return;
                } else {
                    out.write(tag + " NO no\r\n");
                }
                out.flush();
            }
        } catch (java.io.IOException e) {
            // the client closed first
        }
    }

    @Test
    void aRevokedSignInIsALoginProblemNamingTheCommand() {
        signIn.current();
        server.revoke(store.read(signIn.account()).orElseThrow().refreshToken());

        ServerUnavailableException e = catchThrowableOfType(ServerUnavailableException.class,
                () -> ImapMailbox.open(mailbox(), new Credentials.OAuth2(signIn)).close());

        assertThat(e.reason()).isEqualTo(ServerUnavailableException.Reason.LOGIN_REQUIRED);
        assertThat(e).hasMessageContaining("`lettermerge login campaign.yaml`");
    }
}
