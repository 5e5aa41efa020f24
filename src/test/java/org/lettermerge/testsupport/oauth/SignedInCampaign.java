package org.lettermerge.testsupport.oauth;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lettermerge.cli.Main;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.testsupport.CliRun;
import org.lettermerge.testsupport.TestTime;

/**
 * A campaign signed in with OAuth, for the CLI tests: GreenMail (SMTP and IMAP) taking only tokens the
 * authorization server issued, the campaign files, `login` with the test's browser, every CLI run kept so that
 * its output can be searched for secrets, and the delivery log read back.
 */
public final class SignedInCampaign implements AutoCloseable {

    public static final String NAME = "oauth-letters";
    public static final List<String> RECIPIENTS = List.of("ada@example.org", "bea@example.org", "cy@example.org",
            "dov@example.org", "eve@example.org");

    private final AuthorizationServer server;
    private final Path config;
    private final TokenCheckingGreenMail mail;
    private final List<CliRun> runs = new ArrayList<>();
    /** Moves at each accepted login when a test sets it: a paced campaign's hours, in letters. */
    private volatile TestTime movedByLogins;

    /** Starts the mail servers; tokens go to {@code config}/tokens (the lettermerge.config.home property). */
    public SignedInCampaign(AuthorizationServer server, Path config) {
        this.server = server;
        this.config = config;
        System.setProperty("lettermerge.config.home", config.toString());
        this.mail = new TokenCheckingGreenMail(server, login -> {
            TestTime clock = movedByLogins;
            if (clock != null) {
                clock.advance(Duration.ofMinutes(4));
            }
        }, new ServerSetup(0, "127.0.0.1", "smtp"), new ServerSetup(0, "127.0.0.1", "imap"));
        mail.start();
    }

    public TokenCheckingGreenMail mail() {
        return mail;
    }

    /** From now on each accepted login moves {@code clock} on by 4 minutes. */
    public void moveOnEachLogin(TestTime clock) {
        movedByLogins = clock;
    }

    @Override
    public void close() {
        mail.stop();
        System.clearProperty("lettermerge.config.home");
    }

    /** No token, code or secret in anything the user or a backup sees: output, the log, the campaign folder. */
    public void assertNoSecretIn(Path campaignFolder) throws IOException {
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

    public String storedRefreshToken() throws IOException {
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

    public CliRun login(Path file, String user) {
        Terminal terminal = new Terminal();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(Clock.systemUTC(),
                terminal.writer(), new PrintWriter(err, true), "login", file.toString(), "--no-browser"));
        new TestBrowser(user, AuthorizationServer.PASSWORD).signIn(terminal.address());
        CliRun run = new CliRun(code.join(), terminal.text(), err.toString());
        runs.add(run);
        return run;
    }

    public CliRun run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out, true), new PrintWriter(err, true), args);
        CliRun run = new CliRun(code, out.toString(), err.toString());
        runs.add(run);
        return run;
    }

    public Map<String, Long> receivedBy() throws Exception {
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

    public void deliverReply(String user) throws Exception {
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

    public java.util.Optional<CampaignRecord> campaignIfQueued(Path file) {
        try (DeliveryLog log = DeliveryLog.openExisting(file.resolveSibling("lettermerge.db"), Clock.systemUTC())) {
            return log.findCampaign(NAME);
        }
    }

    public CampaignRecord campaign(Path file) {
        try (DeliveryLog log = DeliveryLog.openExisting(file.resolveSibling("lettermerge.db"), Clock.systemUTC())) {
            return log.findCampaign(NAME).orElseThrow();
        }
    }

    public Map<String, StoredRecipient> rows(Path file) {
        try (DeliveryLog log = DeliveryLog.openExisting(file.resolveSibling("lettermerge.db"), Clock.systemUTC())) {
            return log.recipients(log.findCampaign(NAME).orElseThrow()).stream()
                    .collect(Collectors.toMap(StoredRecipient::email, Function.identity()));
        }
    }

    public Path writeCampaign(Path folder, String user, int messagesPerConnection) {
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
