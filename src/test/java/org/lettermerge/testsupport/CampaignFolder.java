package org.lettermerge.testsupport;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A campaign folder in a test's temporary directory: campaign.yaml, recipients.csv, a text template, written from
 * inline text blocks so each test shows its own input. The database is lettermerge.db beside the campaign file.
 */
public final class CampaignFolder {

    /** A text letter that greets each recipient by name on a line of its own, so tests can find the salutation. */
    public static final String LETTER = """
            Dear {{name}},

            We write about justice and reparations for survivors.

            Sincerely,
            The Coalition
            """;

    private final Path dir;

    private CampaignFolder(Path dir) {
        this.dir = dir;
    }

    public static CampaignFolder in(Path dir) {
        return new CampaignFolder(dir);
    }

    /**
     * The usual campaign: subject and To name from the name column, the {@link #LETTER} template, sent through the
     * SMTP server on 127.0.0.1:{@code smtpPort} without TLS.
     */
    public static CampaignFolder sendingTo(Path dir, int smtpPort, String recipientsCsv) {
        return in(dir)
                .write("campaign.yaml", campaignYaml("smtp: {host: 127.0.0.1, port: " + smtpPort + ", security: none}"))
                .write("letter.txt.mustache", LETTER)
                .write("recipients.csv", recipientsCsv);
    }

    /**
     * The usual campaign sending through GreenMail's SMTP, with GreenMail's IMAP (user "letters", password from
     * LETTERMERGE_TEST_MAILBOX_PASSWORD, set in pom.xml) as its mailbox; {@code extraYaml} adds top-level keys.
     */
    public static CampaignFolder withMailbox(Path dir, GreenMailOperations greenMail, String extraYaml, String recipientsCsv) {
        return in(dir)
                .write("campaign.yaml", campaignYaml("""
                        smtp: {host: 127.0.0.1, port: %d, security: none}
                        %smailbox:
                          host: 127.0.0.1
                          port: %d
                          security: none
                          username: letters
                          password_env: LETTERMERGE_TEST_MAILBOX_PASSWORD
                        """.formatted(greenMail.getSmtp().getPort(), extraYaml, greenMail.getImap().getPort())))
                .write("letter.txt.mustache", LETTER)
                .write("recipients.csv", recipientsCsv);
    }

    /** The usual campaign's YAML with the given smtp line (or any extra keys) at the end. */
    public static String campaignYaml(String smtpLine) {
        return """
                name: cli-it
                from: Coalition Letters <letters@coalition.example.org>
                subject: "A letter for {{name}}"
                to_name: "{{name}}"
                template: letter.txt.mustache
                recipients: recipients.csv
                """ + smtpLine + "\n";
    }

    public CampaignFolder write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String name) {
        return dir.resolve(name);
    }

    /** The campaign file as a command-line argument. */
    public String campaign() {
        return dir.resolve("campaign.yaml").toString();
    }

    public Path database() {
        return dir.resolve("lettermerge.db");
    }
}
