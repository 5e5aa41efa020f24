package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.TestTime;
import org.lettermerge.testsupport.oauth.AuthorizationServer;
import org.lettermerge.testsupport.oauth.Terminal;
import org.lettermerge.testsupport.oauth.TestBrowser;
import org.lettermerge.testsupport.oauth.TokenCheckingGreenMail;

/**
 * A campaign signed in with OAuth from `login` to the last letter: a real authorization server (Spring
 * Authorization Server) issues the tokens, GreenMail takes SMTP and IMAP logins only with tokens that server says
 * are active for the account, and the real CLI runs in this JVM.
 */
class OAuthCampaignIT {

    private static final String NAME = "oauth-letters";
    private static final List<String> RECIPIENTS = List.of("ada@example.org", "bea@example.org", "cy@example.org",
            "dov@example.org", "eve@example.org");
    private static AuthorizationServer server;

    @TempDir
    Path dir;
    @TempDir
    Path config;

    private TokenCheckingGreenMail mail;
    private final List<CliRun> runs = new ArrayList<>();
    /** Moves at each accepted login when a test sets it: a paced campaign's hours, in letters. */
    private volatile TestTime movedByLogins;

    @BeforeAll
    static void startServer() {
        server = AuthorizationServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startMail() {
        System.setProperty("lettermerge.config.home", config.toString());
        mail = new TokenCheckingGreenMail(server, login -> {
            TestTime clock = movedByLogins;
            if (clock != null) {
                clock.advance(Duration.ofMinutes(4));
            }
        }, new ServerSetup(0, "127.0.0.1", "smtp"), new ServerSetup(0, "127.0.0.1", "imap"));
        mail.start();
    }

    @AfterEach
    void stopMail() {
        mail.stop();
        System.clearProperty("lettermerge.config.home");
    }

    @Test
    void checkSaysToSignInThenLoginCheckSendAndInboxAllUseTokensTheServerIssued() throws Exception {
        Path file = writeCampaign(dir, AuthorizationServer.USER, 100);

        CliRun before = run(Clock.systemUTC(), "check", file.toString());
        assertThat(before.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(before.out()).contains("is not signed in").contains("lettermerge login");

        CliRun early = run(Clock.systemUTC(), "send", file.toString(), "--live");
        assertThat(early.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(early.err()).contains("is not signed in on this machine").contains("nothing was queued");
        assertThat(Files.exists(file.resolveSibling("lettermerge.db"))
                && campaignIfQueued(file).isPresent()).isFalse();

        CliRun login = login(file, AuthorizationServer.USER);
        assertThat(login.exitCode()).as(login.toString()).isEqualTo(ExitCode.OK);
        assertThat(login.out()).contains("Signed in as " + AuthorizationServer.USER);

        CliRun check = run(Clock.systemUTC(), "check", file.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("is signed in (confirmed by the provider now)");

        CliRun send = run(Clock.systemUTC(), "send", file.toString(), "--live");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.OK);
        assertThat(receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        assertThat(mail.logins()).isNotEmpty().allMatch(TokenCheckingGreenMail.Login::accepted);

        deliverReply(AuthorizationServer.USER);
        CliRun inbox = run(Clock.systemUTC(), "inbox", file.toString());
        assertThat(inbox.exitCode()).as(inbox.toString()).isEqualTo(ExitCode.OK);
        assertThat(inbox.out()).contains("1 new");
        assertThat(mail.logins()).allMatch(TokenCheckingGreenMail.Login::accepted);

        assertNoSecretIn(file.getParent());
    }

    @Test
    void aDeviceLoginCompletesWhenTheCodeIsEnteredOnAnotherDevice() {
        Path file = writeCampaign(dir, AuthorizationServer.USER, 100);
        Terminal terminal = new Terminal();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(Clock.systemUTC(),
                terminal.writer(), new PrintWriter(err, true), "login", file.toString(), "--device"));

        new TestBrowser(AuthorizationServer.USER, AuthorizationServer.PASSWORD)
                .signIn(java.net.URI.create(terminal.address() + "?user_code=" + terminal.userCode()));

        assertThat(code.join()).as(terminal.text() + err).isEqualTo(ExitCode.OK);
        assertThat(terminal.text()).contains("Signed in as " + AuthorizationServer.USER);
        assertThat(run(Clock.systemUTC(), "check", file.toString()).out()).contains("is signed in");
    }

    @Test
    void aLongCampaignRenewsItsAccessTokenBeforeNewConnectionsAndSendsEveryLetterOnce() throws Exception {
        Path file = writeCampaign(dir, AuthorizationServer.USER, 1);
        assertThat(login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        TestTime clock = TestTime.at(Instant.now());
        movedByLogins = clock; // every connection's login moves the campaign's clock on by 4 minutes

        CliRun send = run(clock, "send", file.toString(), "--live");

        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.OK);
        assertThat(receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        List<String> tokens = mail.logins().stream().map(TokenCheckingGreenMail.Login::token).distinct().toList();
        // Six logins over 24 minutes of campaign time with 10-minute tokens renewed 5 minutes early: three tokens.
        assertThat(mail.logins()).hasSize(6).allMatch(TokenCheckingGreenMail.Login::accepted);
        assertThat(tokens.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRevokedSignInPausesTheCampaignAsALoginProblemUntilLoginAndResumeAndNoLetterGoesTwice() throws Exception {
        Path file = writeCampaign(dir, AuthorizationServer.USER, 100);
        assertThat(login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run(Clock.systemUTC(), "send", file.toString(), "--live", "--limit", "2").exitCode())
                .isEqualTo(ExitCode.OK);
        // An administrator revokes the sign-in (or the password changed): the stored refresh token is dead.
        server.revoke(storedRefreshToken());

        CliRun paused = run(Clock.systemUTC(), "send", file.toString(), "--live");

        CampaignRecord record = campaign(file);
        assertThat(record.state()).isEqualTo(CampaignState.PAUSED);
        assertThat(record.pauseKind()).isEqualTo(PauseKind.LOGIN);
        assertThat(record.pauseReason()).contains("invalid_grant").contains("sign in again: `lettermerge login");
        assertThat(paused.out() + paused.err()).contains("lettermerge login");
        assertThat(rows(file).values().stream().filter(r -> r.state() == State.QUEUED)).hasSize(3);

        assertThat(login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run(Clock.systemUTC(), "resume", file.toString()).exitCode()).isEqualTo(ExitCode.OK);
        CliRun finish = run(Clock.systemUTC(), "send", file.toString(), "--live");

        assertThat(finish.exitCode()).as(finish.toString()).isEqualTo(ExitCode.OK);
        assertThat(receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        assertThat(rows(file).values()).allMatch(r -> r.state() == State.ACCEPTED);

        // Another account signed in on the same machine keeps a token file of its own.
        Path other = writeCampaign(Files.createDirectories(dir.resolve("other")), AuthorizationServer.OTHER_USER, 100);
        assertThat(login(other, AuthorizationServer.OTHER_USER).exitCode()).isEqualTo(ExitCode.OK);
        assertNoSecretIn(file.getParent());
    }

    @Test
    void runSendsTheRestAndReadsTheMailboxOnOneSignInSharedBySmtpAndImap() throws Exception {
        Path file = writeCampaign(dir, AuthorizationServer.USER, 100);
        assertThat(login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run(Clock.systemUTC(), "send", file.toString(), "--live", "--limit", "2").exitCode())
                .isEqualTo(ExitCode.OK);
        deliverReply(AuthorizationServer.USER);
        int before = mail.logins().size();

        CliRun run = run(Clock.systemUTC(), "run", "--db", file.resolveSibling("lettermerge.db").toString(), "--once",
                "--read-mailboxes", "5m");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Read the mailboxes: 1 new");
        assertThat(receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        List<TokenCheckingGreenMail.Login> during = mail.logins().subList(before, mail.logins().size());
        assertThat(during).hasSizeGreaterThanOrEqualTo(2).allMatch(TokenCheckingGreenMail.Login::accepted);
        // The IMAP and SMTP logins of one run used the one access token the run's sign-in fetched.
        assertThat(during.stream().map(TokenCheckingGreenMail.Login::token).distinct()).hasSize(1);
        assertNoSecretIn(file.getParent());
    }

    /** No token, code or secret in anything the user or a backup sees: output, the log, the campaign folder. */
    private void assertNoSecretIn(Path campaignFolder) throws IOException {
        List<String> secrets = new ArrayList<>();
        secrets.add(AuthorizationServer.CLIENT_SECRET);
        mail.logins().forEach(l -> secrets.add(l.token()));
        String mine = storedRefreshToken();
        secrets.add(mine);
        List<String> places = new ArrayList<>();
        runs.forEach(r -> places.add(r.out() + "\n" + r.err()));
        try (Stream<Path> files = Files.walk(campaignFolder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                places.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        try (Stream<Path> tokenFiles = Files.list(config.resolve("tokens"))) {
            for (Path f : tokenFiles.toList()) {
                String text = Files.readString(f);
                if (!text.contains(mine)) {
                    places.add(text); // other accounts' files must not hold this account's tokens
                }
            }
        }
        for (String place : places) {
            for (String secret : secrets) {
                assertThat(place.contains(secret)).as("a token or secret was written where it must not be").isFalse();
            }
        }
    }

    private String storedRefreshToken() throws IOException {
        try (Stream<Path> files = Files.list(config.resolve("tokens"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (text.contains("\"account\" : \"" + AuthorizationServer.USER + "\"")) {
                    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("refresh_token").asText();
                }
            }
        }
        throw new AssertionError("no token file for " + AuthorizationServer.USER);
    }

    private CliRun login(Path file, String user) {
        Terminal terminal = new Terminal();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(Clock.systemUTC(),
                terminal.writer(), new PrintWriter(err, true), "login", file.toString(), "--no-browser"));
        new TestBrowser(user, AuthorizationServer.PASSWORD).signIn(terminal.address());
        CliRun run = new CliRun(code.join(), terminal.text(), err.toString());
        runs.add(run);
        return run;
    }

    private CliRun run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        CliRun run = new CliRun(code, out.toString(), err.toString());
        runs.add(run);
        return run;
    }

    private Map<String, Long> receivedBy() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if ("<reply-1@example.org>".equals(m.getMessageID())) {
                continue; // the reply the test put in the organizers' mailbox, not a letter
            }
            for (var to : m.getAllRecipients()) {
                counts.merge(((jakarta.mail.internet.InternetAddress) to).getAddress(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private void deliverReply(String user) throws Exception {
        MimeMessage reply = GreenMailUtil.newMimeMessage("""
                From: Ada <ada@example.org>
                To: %s
                Subject: Re: A letter for Ada
                Message-ID: <reply-1@example.org>
                Date: Thu, 3 Dec 2026 09:00:00 +0000

                Thank you, I will come.
                """.formatted(user).replace("\n", "\r\n"));
        mail.getUserManager().getUser(user).deliver(reply);
    }

    private java.util.Optional<CampaignRecord> campaignIfQueued(Path file) {
        try (DeliveryLog log = DeliveryLog.openExisting(file.resolveSibling("lettermerge.db"), Clock.systemUTC())) {
            return log.findCampaign(NAME);
        }
    }

    @Test
    void aBrowserThatNeverAnswersEndsTheLoginWithExitFourAndNothingStored() {
        Path file = writeCampaign(dir, AuthorizationServer.USER, 100);

        CliRun login = run(Clock.systemUTC(), "login", file.toString(), "--no-browser", "--timeout", "300ms");

        assertThat(login.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(login.out()).contains("/oauth2/authorize?").contains("code_challenge_method=S256");
        assertThat(login.err()).contains("no answer from the browser").contains("Nothing was stored");
        assertThat(config.resolve("tokens")).doesNotExist();
    }

    private CampaignRecord campaign(Path file) {
        try (DeliveryLog log = DeliveryLog.openExisting(file.resolveSibling("lettermerge.db"), Clock.systemUTC())) {
            return log.findCampaign(NAME).orElseThrow();
        }
    }

    private Map<String, StoredRecipient> rows(Path file) {
        try (DeliveryLog log = DeliveryLog.openExisting(file.resolveSibling("lettermerge.db"), Clock.systemUTC())) {
            return log.recipients(log.findCampaign(NAME).orElseThrow()).stream()
                    .collect(Collectors.toMap(StoredRecipient::email, Function.identity()));
        }
    }

    private Path writeCampaign(Path folder, String user, int messagesPerConnection) {
        try {
            Files.writeString(folder.resolve("letter.txt.mustache"), "Dear {{name}},\n\nA letter sent after a sign-in.\n");
            Files.writeString(folder.resolve("recipients.csv"), "email,name\n" + RECIPIENTS.stream()
                    .map(r -> r + "," + Character.toUpperCase(r.charAt(0)) + r.substring(1, r.indexOf('@')))
                    .collect(Collectors.joining("\n")) + "\n");
            return Files.writeString(folder.resolve("campaign.yaml"), """
                    name: %s
                    from: Coalition <%s>
                    subject: "A letter for {{name}}"
                    template: letter.txt.mustache
                    recipients: recipients.csv
                    smtp:
                      host: 127.0.0.1
                      port: %d
                      security: none
                      username: %s
                      auth: oauth2
                      messages_per_connection: %d
                    mailbox:
                      host: 127.0.0.1
                      port: %d
                      security: none
                      username: %s
                      auth: oauth2
                    database: lettermerge.db
                    """.formatted(NAME, user, mail.getSmtp().getPort(), user, messagesPerConnection,
                    mail.getImap().getPort(), user) + server.oauthSection());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
