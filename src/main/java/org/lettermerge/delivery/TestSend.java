package org.lettermerge.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.message.MessageIds;
import org.lettermerge.message.TestCopy;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Addresses;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.schedule.Settled;
import org.lettermerge.smtp.MailServer;
import org.lettermerge.smtp.SendOutcome;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.template.Letter;

/**
 * {@code send --test-to ADDRESS}: the first recipient's letter as it would go out, marked as a test copy
 * ({@link TestCopy}), sent to the organizer's own address and recorded as a test, never as a delivery. It carries its own Message-ID and goes
 * only to ADDRESS (envelope and To), so a reply-all from the test cannot reach the official.
 */
public final class TestSend {

    public record Result(Recipient letterOf, String to, SendOutcome outcome, String server) {}

    private TestSend() {}

    public static Result run(PreparedCampaign p, String testAddress, char[] password, Clock clock) {
        if (p.hasErrors()) {
            throw new InvalidInputException(p.errors());
        }
        Recipient first = p.recipients().first().orElseThrow(() -> new InvalidInputException(Problem.error(
                Problem.display(p.campaign().recipients()), "no recipients: there is no letter to test")));
        InternetAddress to = parse(testAddress);
        String messageId = MessageIds.next(MessageIds.domainOf(p.campaign().sender().from()));
        MessageFactory messages = new MessageFactory(Session.getInstance(new Properties()), p.campaign().sender(),
                p.campaign().attachments(), clock);
        Letter letter = p.render(first);
        String whose = (letter.toName() == null ? "" : letter.toName() + " ") + "<" + first.email() + ">";
        MimeMessage message = messages.build(TestCopy.of(letter, whose, to.getAddress()), to.getAddress(), messageId);
        try (DeliveryLog log = DeliveryLog.openOrCreate(p.campaign().database(), clock);
             MailServer server = MailServer.open(p.campaign().smtp(), password,
                     LiveSend.sandboxMail(p.campaign().database()), clock)) {
            CampaignRecord campaign = log.findCampaign(p.campaign().name()).orElseGet(() -> QueuePlan.queueFirst(p, log));
            SendOutcome outcome = server.connect().send(message, to, org.lettermerge.smtp.DataHandoff.NONE);
            Settled settled = Settled.of(outcome);
            log.recordTestSend(campaign, to.getAddress(), messageId, settled.code(),
                    settled.reply() != null ? settled.reply() : settled.detail());
            return new Result(first, to.getAddress(), outcome, server.description());
        }
    }

    private static InternetAddress parse(String address) {
        try {
            return Addresses.parseStrict(address);
        } catch (AddressException e) {
            throw new InvalidInputException(Problem.error("--test-to", "'" + address + "' is not a valid address: "
                    + e.getMessage()));
        }
    }
}
