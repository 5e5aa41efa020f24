package org.lettermerge.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.recipients.RecipientList;
import org.lettermerge.recipients.RecipientsCsv;
import org.lettermerge.template.LetterTemplates;
import org.lettermerge.template.MissingValueException;
import org.lettermerge.template.TemplateSource;

/**
 * Everything that can be known before sending, found all at once: templates compile, every variable they
 * use exists, every recipient row is valid and renders, attachments exist inside the campaign's folder.
 */
public final class Preflight {

    private Preflight() {}

    public static PreparedCampaign prepare(Campaign c) {
        List<Problem> problems = new ArrayList<>();
        LetterTemplates templates = compile(c, problems);
        // Rendering checks the merged subject and To name for control characters, whatever columns they use.
        RecipientList recipients = RecipientsCsv.read(c.recipients());
        problems.addAll(recipients.problems());
        Map<String, Object> data = DataFiles.read(c.data(), problems);
        checkAttachments(c, problems);
        if (templates != null) {
            problems.addAll(templates.checkVariables(recipients.columns(), data));
            boolean variablesKnown = problems.stream().noneMatch(Problem::isError);
            for (Recipient r : recipients.recipients()) {
                checkZone(r, problems);
                problems.addAll(templates.checkRow(r, data));
                if (variablesKnown) {
                    tryRender(templates, r, data, problems);
                }
            }
        }
        return new PreparedCampaign(c, recipients, data, templates, Fingerprint.parts(c), problems);
    }

    /** Variables a reminder's templates may use besides the recipient's columns and the campaign's data. */
    public static final List<String> REMINDER_VARIABLES = List.of("original_date", "original_subject");

    /**
     * A reminder (follow-up) campaign: its templates compiled and checked against the parent's columns plus
     * {@link #REMINDER_VARIABLES}. Its recipients are rows of the log, not of the CSV, so no row is checked here:
     * the caller renders each one.
     */
    public static PreparedCampaign prepareReminder(Campaign c) {
        List<Problem> problems = new ArrayList<>();
        LetterTemplates templates = compile(c, problems);
        RecipientList recipients = RecipientsCsv.read(c.recipients());
        Map<String, Object> data = DataFiles.read(c.data(), problems);
        if (templates != null) {
            List<String> columns = new ArrayList<>(recipients.columns());
            columns.addAll(REMINDER_VARIABLES);
            problems.addAll(templates.checkVariables(columns, data));
        }
        return new PreparedCampaign(c, recipients, data, templates, Fingerprint.parts(c), problems);
    }

    private static LetterTemplates compile(Campaign c, List<Problem> problems) {
        String campaignFile = Problem.display(c.file());
        TemplateSource subject = new TemplateSource(campaignFile + " (subject)", c.subject(), null);
        TemplateSource toName = c.toName() == null ? null
                : new TemplateSource(campaignFile + " (to_name)", c.toName(), null);
        TemplateSource text = source(c.template(), problems);
        TemplateSource html = c.htmlTemplate() == null ? null : source(c.htmlTemplate(), problems);
        if (text == null || (c.htmlTemplate() != null && html == null)) {
            return null;
        }
        try {
            return LetterTemplates.compile(subject, text, html, toName);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static TemplateSource source(Path file, List<Problem> problems) {
        try {
            return new TemplateSource(Problem.display(file), Files.readString(file), file.getParent());
        } catch (IOException e) {
            problems.add(Problem.error(Problem.display(file), "template cannot be read ("
                    + e.getClass().getSimpleName() + "): check the path and that the file is UTF-8"));
            return null;
        }
    }

    private static void tryRender(LetterTemplates templates, Recipient r, Map<String, Object> data,
                                  List<Problem> problems) {
        try {
            templates.render(r, data);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        } catch (MissingValueException e) {
            problems.add(e.toProblem());
        }
    }

    /** A recipient's send window is read in their {@code timezone} column's zone: it must name one. */
    private static void checkZone(Recipient r, List<Problem> problems) {
        String zone = r.fields().get("timezone");
        if (zone == null || zone.isBlank()) {
            return;
        }
        try {
            java.time.ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            problems.add(Problem.error(r.where(), "column 'timezone': '" + zone + "' is not a time zone: use a name "
                    + "such as America/New_York or Asia/Tokyo, or leave it empty for the campaign's zone"));
        }
    }

    private static void checkAttachments(Campaign c, List<Problem> problems) {
        for (Path attachment : c.attachments()) {
            String where = Problem.display(c.file()) + " (attachments)";
            if (!Files.isRegularFile(attachment)) {
                problems.add(Problem.error(where, "attachment not found: " + Problem.display(attachment)));
                continue;
            }
            try {
                // Real paths, so a symlink cannot carry a file from elsewhere on the machine into a letter.
                if (!attachment.toRealPath().startsWith(c.folder().toRealPath())) {
                    problems.add(Problem.error(where, Problem.display(attachment) + " lies outside the campaign's "
                            + "folder " + Problem.display(c.folder()) + ": copy it into that folder"));
                }
            } catch (IOException e) {
                problems.add(Problem.error(where, "attachment cannot be read: " + Problem.display(attachment)));
            }
        }
    }
}
