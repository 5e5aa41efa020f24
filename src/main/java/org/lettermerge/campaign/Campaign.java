package org.lettermerge.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lettermerge.message.Sender;
import org.lettermerge.oauth.OAuthSettings;

/**
 * A campaign as its file describes it, validated: every path is absolute (resolved against the campaign
 * file's folder), every address parsed. Nothing here has been read from the referenced files yet.
 *
 * @param name       the campaign's identity in the delivery log
 * @param subject    the subject template
 * @param toName     template for the recipient's display name in To, or null for none
 * @param htmlTemplate optional HTML alternative, or null
 * @param data       campaign-wide data files by the name the template uses
 * @param schedule   when letters may go out, retries, error budget
 * @param mailbox    where replies and bounces arrive (IMAP), or null when the campaign reads none
 * @param sheets     the sheets of workbooks the recipients and data are read from, where the file names one
 * @param oauth      who signs the account in where smtp.auth or mailbox.auth is oauth2, or null
 * @param pathLines  the campaign file's line of each key naming a file ("template", "recipients", "data.NAME"),
 *                   so that a wrong path is reported where it was written
 */
public record Campaign(
        Path file,
        String name,
        Sender sender,
        String subject,
        String toName,
        Path template,
        Path htmlTemplate,
        Path recipients,
        Map<String, Path> data,
        List<Path> attachments,
        SmtpChoice smtp,
        Path database,
        ScheduleSettings schedule,
        MailboxSettings mailbox,
        Sheets sheets,
        OAuthSettings oauth,
        Map<String, Integer> pathLines) {

    public Campaign {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(sheets, "sheets");
        data = Map.copyOf(data);
        attachments = List.copyOf(attachments);
        pathLines = Map.copyOf(pathLines);
    }

    /** The addresses that sign in with OAuth (SMTP's, then the mailbox's if another), in order; empty for none. */
    public List<String> oauthAccounts() {
        var names = new java.util.LinkedHashSet<String>();
        if (smtp instanceof SmtpChoice.Relay relay && relay.signsInWithOAuth()) {
            names.add(relay.settings().username().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (mailbox != null && mailbox.auth() == Auth.OAUTH2) {
            names.add(mailbox.username().strip().toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(names);
    }

    /** The folder the campaign file lives in; attachments must lie inside it. */
    public Path folder() {
        return file.getParent();
    }

    public Campaign withSmtp(SmtpChoice newSmtp) {
        return new Campaign(file, name, sender, subject, toName, template, htmlTemplate, recipients, data,
                attachments, newSmtp, database, schedule, mailbox, sheets, oauth, pathLines);
    }

    /**
     * The follow-up {@code newName} of this campaign: same sender, recipients' data, server and schedule; its own
     * subject and text template, no HTML alternative and no attachments (a reminder points back to the letter).
     */
    public Campaign asReminder(String newName, String newSubject, Path reminderTemplate) {
        return new Campaign(file, newName, sender, newSubject, toName, reminderTemplate, null, recipients, data,
                List.of(), smtp, database, schedule, mailbox, sheets, oauth, withoutTemplates(pathLines));
    }

    public Campaign withDatabase(Path newDatabase) {
        return new Campaign(file, name, sender, subject, toName, template, htmlTemplate, recipients, data,
                attachments, smtp, newDatabase, schedule, mailbox, sheets, oauth, pathLines);
    }

    /** A reminder's template comes from the command line, not from the campaign file's lines. */
    private static Map<String, Integer> withoutTemplates(Map<String, Integer> lines) {
        Map<String, Integer> kept = new java.util.HashMap<>(lines);
        kept.keySet().removeIf(key -> key.endsWith("template"));
        return kept;
    }
}
