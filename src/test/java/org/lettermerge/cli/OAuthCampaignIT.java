package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignState;
import org.lettermerge.store.PauseKind;
import org.lettermerge.store.State;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.TestTime;
import org.lettermerge.testsupport.oauth.AuthorizationServer;
import org.lettermerge.testsupport.oauth.Terminal;
import org.lettermerge.testsupport.oauth.SignedInCampaign;
import org.lettermerge.testsupport.oauth.TestBrowser;
import org.lettermerge.testsupport.oauth.TokenCheckingGreenMail;

/**
 * A campaign signed in with OAuth from `login` to the last letter: a real authorization server (Spring
 * Authorization Server) issues the tokens, GreenMail takes SMTP and IMAP logins only with tokens that server says
 * are active for the account, and the real CLI runs in this JVM.
 */
class OAuthCampaignIT {

    private static final List<String> RECIPIENTS = SignedInCampaign.RECIPIENTS;
    private static AuthorizationServer server;

    @TempDir
    Path dir;
    @TempDir
    Path config;

    private SignedInCampaign world;
    private TokenCheckingGreenMail mail;

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
        world = new SignedInCampaign(server, config);
        mail = world.mail();
    }

    @AfterEach
    void stopMail() {
        world.close();
    }

    @Test
    void checkSaysToSignInThenLoginCheckSendAndInboxAllUseTokensTheServerIssued() throws Exception {
        Path file = world.writeCampaign(dir, AuthorizationServer.USER, 100);

        CliRun before = world.run(Clock.systemUTC(), "check", file.toString());
        assertThat(before.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(before.out()).contains("is not signed in").contains("lettermerge login");

        CliRun early = world.run(Clock.systemUTC(), "send", file.toString(), "--live");
        assertThat(early.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(early.err()).contains("is not signed in on this machine").contains("nothing was queued");
        assertThat(Files.exists(file.resolveSibling("lettermerge.db"))
                && world.campaignIfQueued(file).isPresent()).isFalse();

        CliRun login = world.login(file, AuthorizationServer.USER);
        assertThat(login.exitCode()).as(login.toString()).isEqualTo(ExitCode.OK);
        assertThat(login.out()).contains("Signed in as " + AuthorizationServer.USER);

        CliRun check = world.run(Clock.systemUTC(), "check", file.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("is signed in (confirmed by the provider now)");

        CliRun send = world.run(Clock.systemUTC(), "send", file.toString(), "--live");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.OK);
        assertThat(world.receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        assertThat(mail.logins()).isNotEmpty().allMatch(TokenCheckingGreenMail.Login::accepted);

        world.deliverReply(AuthorizationServer.USER);
        CliRun inbox = world.run(Clock.systemUTC(), "inbox", file.toString());
        assertThat(inbox.exitCode()).as(inbox.toString()).isEqualTo(ExitCode.OK);
        assertThat(inbox.out()).contains("1 new");
        assertThat(mail.logins()).allMatch(TokenCheckingGreenMail.Login::accepted);

        world.assertNoSecretIn(file.getParent());
    }

    @Test
    void aDeviceLoginCompletesWhenTheCodeIsEnteredOnAnotherDevice() {
        Path file = world.writeCampaign(dir, AuthorizationServer.USER, 100);
        Terminal terminal = new Terminal();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(Clock.systemUTC(),
                terminal.writer(), new PrintWriter(err, true), "login", file.toString(), "--device"));

        new TestBrowser(AuthorizationServer.USER, AuthorizationServer.PASSWORD)
                .signIn(java.net.URI.create(terminal.address() + "?user_code=" + terminal.userCode()));

        assertThat(code.join()).as(terminal.text() + err).isEqualTo(ExitCode.OK);
        assertThat(terminal.text()).contains("Signed in as " + AuthorizationServer.USER);
        assertThat(world.run(Clock.systemUTC(), "check", file.toString()).out()).contains("is signed in");
    }

    @Test
    void aLongCampaignRenewsItsAccessTokenBeforeNewConnectionsAndSendsEveryLetterOnce() throws Exception {
        Path file = world.writeCampaign(dir, AuthorizationServer.USER, 1);
        assertThat(world.login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        TestTime clock = TestTime.at(Instant.now());
        world.moveOnEachLogin(clock); // every connection's login moves the campaign's clock on by 4 minutes

        CliRun send = world.run(clock, "send", file.toString(), "--live");

        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCode.OK);
        assertThat(world.receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        List<String> tokens = mail.logins().stream().map(TokenCheckingGreenMail.Login::token).distinct().toList();
        // One letter per connection, a connection opened for each: five logins over 20 minutes of campaign time
        // with 10-minute tokens renewed 5 minutes early — three tokens.
        assertThat(mail.logins()).hasSize(RECIPIENTS.size()).allMatch(TokenCheckingGreenMail.Login::accepted);
        assertThat(tokens.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRevokedSignInPausesTheCampaignAsALoginProblemUntilLoginAndResumeAndNoLetterGoesTwice() throws Exception {
        Path file = world.writeCampaign(dir, AuthorizationServer.USER, 100);
        assertThat(world.login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(world.run(Clock.systemUTC(), "send", file.toString(), "--live", "--limit", "2").exitCode())
                .isEqualTo(ExitCode.OK);
        // An administrator revokes the sign-in (or the password changed): the stored refresh token is dead.
        server.revoke(world.storedRefreshToken());

        CliRun paused = world.run(Clock.systemUTC(), "send", file.toString(), "--live");

        CampaignRecord record = world.campaign(file);
        assertThat(record.state()).isEqualTo(CampaignState.PAUSED);
        assertThat(record.pauseKind()).isEqualTo(PauseKind.LOGIN);
        assertThat(record.pauseReason()).contains("invalid_grant").contains("sign in again: `lettermerge login");
        assertThat(paused.out() + paused.err()).contains("lettermerge login");
        assertThat(world.rows(file).values().stream().filter(r -> r.state() == State.QUEUED)).hasSize(3);

        assertThat(world.login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(world.run(Clock.systemUTC(), "resume", file.toString()).exitCode()).isEqualTo(ExitCode.OK);
        CliRun finish = world.run(Clock.systemUTC(), "send", file.toString(), "--live");

        assertThat(finish.exitCode()).as(finish.toString()).isEqualTo(ExitCode.OK);
        assertThat(world.receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        assertThat(world.rows(file).values()).allMatch(r -> r.state() == State.ACCEPTED);

        // Another account signed in on the same machine keeps a token file of its own.
        Path other = world.writeCampaign(Files.createDirectories(dir.resolve("other")), AuthorizationServer.OTHER_USER, 100);
        assertThat(world.login(other, AuthorizationServer.OTHER_USER).exitCode()).isEqualTo(ExitCode.OK);
        world.assertNoSecretIn(file.getParent());
    }

    @Test
    void runSendsTheRestAndReadsTheMailboxOnOneSignInSharedBySmtpAndImap() throws Exception {
        Path file = world.writeCampaign(dir, AuthorizationServer.USER, 100);
        assertThat(world.login(file, AuthorizationServer.USER).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(world.run(Clock.systemUTC(), "send", file.toString(), "--live", "--limit", "2").exitCode())
                .isEqualTo(ExitCode.OK);
        world.deliverReply(AuthorizationServer.USER);
        int before = mail.logins().size();

        CliRun run = world.run(Clock.systemUTC(), "run", "--db", file.resolveSibling("lettermerge.db").toString(), "--once",
                "--read-mailboxes", "5m");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Read the mailboxes: 1 new");
        assertThat(world.receivedBy()).containsOnlyKeys(RECIPIENTS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1L));
        List<TokenCheckingGreenMail.Login> during = mail.logins().subList(before, mail.logins().size());
        assertThat(during).hasSizeGreaterThanOrEqualTo(2).allMatch(TokenCheckingGreenMail.Login::accepted);
        // The IMAP and SMTP logins of one run used the one access token the run's sign-in fetched.
        assertThat(during.stream().map(TokenCheckingGreenMail.Login::token).distinct()).hasSize(1);
        world.assertNoSecretIn(file.getParent());
    }

    @Test
    void aBrowserThatNeverAnswersEndsTheLoginWithExitFourAndNothingStored() {
        Path file = world.writeCampaign(dir, AuthorizationServer.USER, 100);

        CliRun login = world.run(Clock.systemUTC(), "login", file.toString(), "--no-browser", "--timeout", "300ms");

        assertThat(login.exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(login.out()).contains("/oauth2/authorize?").contains("code_challenge_method=S256");
        assertThat(login.err()).contains("no answer from the browser").contains("Nothing was stored");
        assertThat(config.resolve("tokens")).doesNotExist();
    }

}
