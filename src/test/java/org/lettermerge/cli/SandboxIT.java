package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.sandbox.SandboxServer;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.MimeParts;

/** The built-in sandbox: a first-time user sends for real to a server on this machine and opens the .eml files. */
class SandboxIT {

    @TempDir
    Path dir;

    @Test
    void aLiveSendToTheSandboxKeepsOneEmlPerRecipient() throws Exception {
        CampaignFolder campaign = CampaignFolder.in(dir)
                .write("campaign.yaml", CampaignFolder.campaignYaml("smtp: sandbox"))
                .write("letter.txt.mustache", CampaignFolder.LETTER)
                .write("recipients.csv", """
                        email,name
                        amara.okafor@example.org,Amara Okafor
                        yamada.taro@example.org,山田 太郎
                        """);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(LogRows.recipients(campaign.database())).extracting(r -> r.get("state"))
                .containsExactly("ACCEPTED", "ACCEPTED");
        List<String> toLines = emlFiles(dir.resolve("sandbox-mail")).stream().map(MimeParts::parse)
                .map(SandboxIT::to).sorted().toList();
        assertThat(toLines).containsExactly("Amara Okafor <amara.okafor@example.org>",
                "山田 太郎 <yamada.taro@example.org>");
    }

    @Test
    void theSandboxServerKeepsAMessageSentWithJakartaMailAsAnEml() throws Exception {
        Path out = dir.resolve("mail");
        try (SandboxServer sandbox = SandboxServer.start(0, 0, out)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", SandboxServer.HOST);
            props.put("mail.smtp.port", String.valueOf(sandbox.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("letters@coalition.example.org"));
            message.setRecipient(Message.RecipientType.TO,
                    new InternetAddress("minister.justice@example.org", "Élise Dubois-Léger", "UTF-8"));
            message.setSubject("Joint letter", "UTF-8");
            message.setText("Dear Minister,\n", "UTF-8");

            Transport.send(message);

            assertThat(sandbox.received()).isEqualTo(1);
        }
        List<Path> files = emlFiles(out);
        assertThat(files).hasSize(1);
        assertThat(to(MimeParts.parse(files.get(0)))).isEqualTo("Élise Dubois-Léger <minister.justice@example.org>");
    }

    private static String to(MimeMessage message) {
        InternetAddress to = MimeParts.to(message);
        return to.getPersonal() + " <" + to.getAddress() + ">";
    }

    private static List<Path> emlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }
}
