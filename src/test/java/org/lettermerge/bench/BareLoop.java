package org.lettermerge.bench;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.message.MessageIds;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.smtp.DataHandoff;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.SmtpClient;
import org.lettermerge.smtp.SmtpSettings;

/**
 * The benchmark's yardstick: the campaign's first letter, rendered once, sent N times over one reused Angus
 * connection, with no log, no rendering per letter and no pacing — as fast as this machine and sink go.
 * Usage: BareLoop CAMPAIGN PORT N. Prints "bare N msgs in S s: R msg/s, letter B bytes".
 */
public final class BareLoop {

    public static void main(String[] args) throws Exception {
        PreparedCampaign p = Preflight.prepare(CampaignFile.load(Path.of(args[0])));
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        Recipient first = p.recipients().first().orElseThrow();
        MessageFactory messages = new MessageFactory(Session.getInstance(new Properties()), p.campaign().sender(),
                p.campaign().attachments(), Clock.systemUTC());
        MimeMessage message = messages.build(p.render(first), first.email(),
                MessageIds.next(MessageIds.domainOf(p.campaign().sender().from())));
        InternetAddress to = new InternetAddress(first.email());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        message.writeTo(bytes);
        try (SmtpClient client = new SmtpClient(SmtpSettings.of("127.0.0.1", port, Security.NONE), null)) {
            client.connect();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                client.send(message, to, DataHandoff.NONE);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bare %d msgs in %.2f s: %.0f msg/s, letter %d bytes%n", n, seconds, n / seconds,
                    bytes.size());
        }
    }
}
