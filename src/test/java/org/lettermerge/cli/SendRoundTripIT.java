package org.lettermerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lettermerge.testsupport.CampaignFolder;
import org.lettermerge.testsupport.Cli;
import org.lettermerge.testsupport.CliResult;
import org.lettermerge.testsupport.LogRows;
import org.lettermerge.testsupport.MimeParts;

/** A whole campaign through {@code send --live}: each recipient gets their own letter, once, as the log says. */
class SendRoundTripIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final String RECIPIENTS = """
            email,name
            reseau@example.org,Réseau Equitas Côte d’Ivoire
            yamada.taro@example.org,山田 太郎
            m.alhusseini@example.org,مريم الحسيني
            sean.obrien@example.org,"Seán ""Jack"" O'Brien, Jr."
            nguyen.thi.lan@example.org,Nguyễn Thị Lan
            wam@example.org,Women’s Active Museum
            """;

    private static final Map<String, String> NAMES = Map.of(
            "reseau@example.org", "Réseau Equitas Côte d’Ivoire",
            "yamada.taro@example.org", "山田 太郎",
            "m.alhusseini@example.org", "مريم الحسيني",
            "sean.obrien@example.org", "Seán \"Jack\" O'Brien, Jr.",
            "nguyen.thi.lan@example.org", "Nguyễn Thị Lan",
            "wam@example.org", "Women’s Active Museum");

    @Test
    void everyRecipientGetsOneLetterWithTheirOwnNameExactly() throws Exception {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);

        CliResult result = Cli.run("send", campaign.campaign(), "--live");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(NAMES.size());
        Map<String, String> messageIds = LogRows.recipients(campaign.database()).stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> (String) r.get("message_id")));
        for (MimeMessage message : received) {
            InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
            String name = NAMES.get(to.getAddress());
            assertThat(name).as("a letter to an address not in the CSV: " + to).isNotNull();
            assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
            assertThat(to.getPersonal()).isEqualTo(name);
            assertThat(message.getSubject()).isEqualTo("A letter for " + name);
            String text = MimeParts.text(message);
            assertThat(text.lines().findFirst()).hasValue("Dear " + name + ",");
            NAMES.values().stream().filter(other -> !other.equals(name))
                    .forEach(other -> assertThat(text).doesNotContain(other));
            assertThat(message.getMessageID()).isEqualTo(messageIds.get(to.getAddress()));
        }
        List<String> addresses = Arrays.stream(received).map(SendRoundTripIT::toAddress).sorted().toList();
        assertThat(addresses).containsExactlyElementsOf(NAMES.keySet().stream().sorted().toList());
    }

    @Test
    void aSecondLiveSendSendsNothingAndLeavesEveryRowAcceptedOnce() {
        CampaignFolder campaign = CampaignFolder.sendingTo(dir, port(), RECIPIENTS);
        assertThat(Cli.run("send", campaign.campaign(), "--live").exitCode()).isZero();

        CliResult again = Cli.run("send", campaign.campaign(), "--live");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send");
        assertThat(greenMail.getReceivedMessages()).hasSize(NAMES.size());
        assertThat(LogRows.recipients(campaign.database())).hasSize(NAMES.size())
                .allSatisfy(row -> {
                    assertThat(row.get("state")).isEqualTo("ACCEPTED");
                    assertThat(row.get("attempts")).isEqualTo(1);
                });
    }

    private static int port() {
        return greenMail.getSmtp().getPort();
    }

    private static String toAddress(MimeMessage message) {
        return MimeParts.to(message).getAddress();
    }
}
