package org.lettermerge.web;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.lettermerge.campaign.Campaign;
import org.lettermerge.campaign.CampaignFile;
import org.lettermerge.campaign.Fingerprint;
import org.lettermerge.campaign.Preflight;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.followup.Reminders;
import org.lettermerge.message.MessageFactory;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignVersion;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.StoredRecipient;
import org.lettermerge.template.MissingValueException;

/**
 * A recipient's letter as the scheduler builds it for them: the row's merged values as the log queued them, the
 * campaign's files, the row's Message-ID and thread, dated at its last attempt. The log keeps no copy of each
 * letter, so this is the letter as sent exactly when the campaign's files are those of the version it was sent
 * from ({@code sameFiles}); otherwise the page says so rather than pass a rebuilt letter off as the sent one.
 *
 * @param problem why the letter cannot be shown (its campaign file moved or broke), else null
 */
record LetterAsSent(boolean sameFiles, List<Header> headers, String text, String html, List<String> attachments,
                    String problem) {

    record Header(String name, String value) {}

    /** The headers shown first, in this order; the rest are under "all headers". */
    private static final List<String> SHOWN = List.of("From", "To", "Reply-To", "Subject", "Date", "Message-ID",
            "In-Reply-To", "List-Unsubscribe");

    static LetterAsSent of(DeliveryLog log, CampaignRecord record, StoredRecipient row, Clock clock) {
        try {
            Campaign campaign = CampaignFile.load(Path.of(record.campaignFile()));
            var followup = log.followups().of(record);
            PreparedCampaign prepared = Preflight.prepareToShow(followup.isPresent()
                    ? Reminders.campaign(campaign, record.name(), followup.get()) : campaign);
            if (prepared.hasErrors()) {
                throw new InvalidInputException(prepared.errors());
            }
            boolean same = log.currentVersion(record).map(CampaignVersion::contentHash)
                    .map(h -> h.equals(Fingerprint.overall(prepared.parts()))).orElse(false);
            Clock sentAt = row.lastAttemptAt() == null ? clock : Clock.fixed(row.lastAttemptAt(), ZoneOffset.UTC);
            String thread = row.parentId() == null ? null : log.followups().threadOf(row.id());
            Campaign made = prepared.campaign(); // a reminder's own template, subject and attachments
            MimeMessage message = new MessageFactory(Session.getInstance(new Properties()), made.sender(),
                    made.attachments(), sentAt).build(prepared.render(new Recipient(made.recipients(),
                    row.line(), row.email(), row.fields())), row.email(), row.messageId(),
                    MessageFactory.BodyEncoding.EIGHT_BIT_ALLOWED, thread == null ? List.of() : List.of(thread));
            message.saveChanges();
            return read(same, message);
        } catch (InvalidInputException e) {
            return failed("its campaign's files cannot be used as they are now: " + e.problems().stream()
                    .map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        } catch (MissingValueException e) {
            return failed(e.toProblem().toString());
        } catch (MessagingException | IOException e) {
            return failed("it could not be built: " + e.getMessage());
        }
    }

    private static LetterAsSent failed(String why) {
        return new LetterAsSent(false, List.of(), null, null, List.of(), "The letter cannot be shown: " + why);
    }

    private static LetterAsSent read(boolean same, MimeMessage message) throws MessagingException, IOException {
        List<Header> headers = new ArrayList<>();
        for (String name : SHOWN) {
            String value = message.getHeader(name, ", ");
            if (value != null) {
                headers.add(new Header(name, decoded(value)));
            }
        }
        var all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            var h = all.nextElement();
            if (!SHOWN.contains(h.getName())) {
                headers.add(new Header(h.getName(), decoded(h.getValue())));
            }
        }
        Parts parts = new Parts();
        parts.walk(message);
        return new LetterAsSent(same, headers, parts.text, parts.html, parts.attachments, null);
    }

    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    /** The text and HTML bodies and the attachments' names, found in the MIME tree. */
    private static final class Parts {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multi = (Multipart) part.getContent();
                for (int i = 0; i < multi.getCount(); i++) {
                    BodyPart child = multi.getBodyPart(i);
                    walk(child);
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(part.getFileName());
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }
    }
}
