package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.MimeParts;

/** {@code preview}: one recipient's message on the terminal, or every one as .eml files; never sent. */
class PreviewIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String RECIPIENTS = """
            email,name
            amara.okafor@example.org,Amara Okafor
            Yamada.Taro@example.org,山田 太郎
            m.alhusseini@example.org,مريم الحسيني
            """;

    @Test
    void previewOfRowTwoShowsTheSecondRecipientsDecodedHeadersAndText() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);

        CliResult result = Cli.run("preview", campaign.campaign(), "--row", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("To: 山田 太郎 <Yamada.Taro@example.org>")
                .contains("Subject: A letter for 山田 太郎")
                .contains("From: Coalition Letters <letters@coalition.example.org>")
                .contains("Dear 山田 太郎,")
                .doesNotContain("Amara Okafor").doesNotContain("مريم الحسيني");
        assertNothingSentOrWritten(campaign);
    }

    @Test
    void previewToPicksTheRecipientByAddressIgnoringCase() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);

        CliResult result = Cli.run("preview", campaign.campaign(), "--to", "YAMADA.TARO@EXAMPLE.ORG");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("To: 山田 太郎 <Yamada.Taro@example.org>").contains("Dear 山田 太郎,")
                .doesNotContain("Amara Okafor");
        assertNothingSentOrWritten(campaign);
    }

    @Test
    void previewOutWritesOneParseableEmlPerRecipient() throws Exception {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);
        Path out = dir.resolve("previews");

        CliResult result = Cli.run("preview", campaign.campaign(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<Path> files = emlFiles(out);
        assertThat(files).hasSize(3);
        List<String> toLines = files.stream().map(MimeParts::parse).map(PreviewIT::toAndGreeting).toList();
        assertThat(toLines).containsExactly(
                "Amara Okafor <amara.okafor@example.org> / Dear Amara Okafor,",
                "山田 太郎 <Yamada.Taro@example.org> / Dear 山田 太郎,",
                "مريم الحسيني <m.alhusseini@example.org> / Dear مريم الحسيني,");
        assertNothingSentOrWritten(campaign);
    }

    private static String toAndGreeting(MimeMessage message) {
        InternetAddress to = MimeParts.to(message);
        return to.getPersonal() + " <" + to.getAddress() + "> / " + MimeParts.text(message).lines().findFirst()
                .orElseThrow();
    }

    private static List<Path> emlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static void assertNothingSentOrWritten(CampaignFolder campaign) {
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(Files.exists(campaign.database())).isFalse();
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }
}
