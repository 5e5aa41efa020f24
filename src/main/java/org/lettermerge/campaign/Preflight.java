package org.lettermerge.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.RecipientsCsv;
import org.lettermerge.template.LetterTemplates;
import org.lettermerge.template.TemplateSource;

/**
 * Everything that can be known before sending, found all at once: templates compile, every variable they
 * use exists, every recipient row is valid and renders, attachments exist inside the campaign's folder, and
 * every letter, measured as it will travel, is within the provider's message size limit.
 */
public final class Preflight {

    private Preflight() {}

    public static PreparedCampaign prepare(Campaign c) {
        return prepare(c, null);
    }

    /** A prepared campaign and its letters, each measured as it will be sent. */
    public record Measured(PreparedCampaign prepared, LetterSizes sizes) {}

    /** As {@link #prepare}, with every letter also built and measured, in the same pass: for {@code check}. */
    public static Measured prepareMeasuringLetters(Campaign c) {
        LetterMeter.Tally every = new LetterMeter.Tally();
        PreparedCampaign p = prepare(c, every);
        return new Measured(p, p.largestLetterBound() > 0 ? every.sizes() : LetterSizes.NONE);
    }

    private static PreparedCampaign prepare(Campaign c, LetterMeter.Tally every) {
        List<Problem> problems = new ArrayList<>();
        LetterTemplates templates = compile(c, problems);
        // Rendering checks the merged subject and To name for control characters, whatever columns they use.
        RecipientsCsv csv = RecipientsCsv.open(c.recipients(), c.sheets().recipients(), Set.of());
        // Reported after the recipients file's problems, which are all known only once its last row is read.
        List<Problem> campaignProblems = new ArrayList<>();
        Map<String, Object> data = DataFiles.read(c.data(), c.sheets(), campaignProblems);
        checkAttachments(c, campaignProblems);
        CleartextLogin.check(c).ifPresent(campaignProblems::add);
        RowChecks checks = null;
        SizeCheck sizes = new SizeCheck(new LetterMeter(c), c.smtp().pacing().messageSize(), every);
        // A list that cannot be read has one problem that says why; every variable "missing" from it would bury it.
        if (templates != null && csv.readable()) {
            campaignProblems.addAll(templates.checkVariables(csv.columns(), declared(c, data)));
            checks = new RowChecks(templates, data, noErrors(problems) && noErrors(campaignProblems), sizes);
        }
        RecipientRows recipients = RecipientRows.read(csv, c.sheets().recipients(),
                checks == null ? r -> { } : checks::check);
        List<Problem> fileProblems = csv.problems();
        problems.addAll(fileProblems);
        problems.addAll(campaignProblems);
        if (checks != null) {
            problems.addAll(checks.problems(!noErrors(fileProblems)));
        }
        boolean measured = noErrors(problems);
        if (measured) {
            sizes.problem().ifPresent(problems::add);
        }
        return new PreparedCampaign(c, recipients, data, templates, Fingerprint.parts(c),
                new MissingFiles(c).instead(problems), measured ? sizes.largestBound() : 0);
    }

    /**
     * Every letter built and measured as it will be sent, from the rows read again: for a server whose SIZE is below {@link PreparedCampaign#largestLetterBound}. Rows that do not render are left out
     * (preflight reports them); {@link LetterSizes#NONE} when the templates did not compile.
     */
    public static LetterSizes measureLetters(PreparedCampaign p) {
        if (p.templates() == null) {
            return LetterSizes.NONE;
        }
        LetterMeter meter = new LetterMeter(p.campaign());
        LetterMeter.Tally tally = new LetterMeter.Tally();
        try {
            StreamSupport.stream(p.recipients().reread().spliterator(), true).forEach(r -> {
                long bytes;
                try {
                    bytes = meter.exact(r, p.render(r));
                } catch (RuntimeException doesNotRender) {
                    return;
                }
                if (bytes >= 0) {
                    tally.add(r, bytes);
                }
            });
        } catch (RuntimeException unreadable) {
            return LetterSizes.NONE; // the recipients file's own problems are preflight's to report
        }
        return tally.sizes();
    }

    /** Variables a reminder's templates may use besides the recipient's columns and the campaign's data. */
    public static final List<String> REMINDER_VARIABLES = List.of("original_date", "original_subject");

    /**
     * A reminder (follow-up) campaign: its templates compiled and checked against the parent's columns plus
     * {@link #REMINDER_VARIABLES}. Its recipients are rows of the log, not of the CSV, so no row is checked here:
     * the caller renders each one.
     */
    public static PreparedCampaign prepareReminder(Campaign c) {
        return prepareForRendering(c, REMINDER_VARIABLES);
    }

    /**
     * A campaign ready to render rows the caller already has (rows of the log), without the per-row checks and
     * trial renders of {@link #prepare}: its templates compiled and checked against its columns plus
     * {@code extraVariables}.
     */
    public static PreparedCampaign prepareForRendering(Campaign c, List<String> extraVariables) {
        List<Problem> problems = new ArrayList<>();
        LetterTemplates templates = compile(c, problems);
        RecipientsCsv csv = RecipientsCsv.open(c.recipients(), c.sheets().recipients(), Set.of());
        Map<String, Object> data = DataFiles.read(c.data(), c.sheets(), problems);
        CleartextLogin.check(c).ifPresent(problems::add);
        // Read through like any campaign's file, so that recipients() means the same for a reminder.
        RecipientRows recipients = RecipientRows.read(csv, c.sheets().recipients(), r -> { });
        if (templates != null && csv.readable()) {
            List<String> columns = new ArrayList<>(recipients.columns());
            columns.addAll(extraVariables);
            problems.addAll(templates.checkVariables(columns, declared(c, data)));
        }
        return new PreparedCampaign(c, recipients, data, templates, Fingerprint.parts(c),
                new MissingFiles(c).instead(problems), 0);
    }

    /**
     * A campaign ready to render one row the caller has (the dashboard shows a letter as sent): its templates
     * compiled and its data read, without reading the recipients file (100,000 rows take seconds) or checking the
     * templates' variables against its columns. {@code recipients()} is null.
     */
    public static PreparedCampaign prepareToShow(Campaign c) {
        List<Problem> problems = new ArrayList<>();
        LetterTemplates templates = compile(c, problems);
        Map<String, Object> data = DataFiles.read(c.data(), c.sheets(), problems);
        return new PreparedCampaign(c, null, data, templates, Fingerprint.parts(c), new MissingFiles(c).instead(problems),
                0);
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
                    + (e instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8 text"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "no such file")
                    + "): check the path, and save the file as UTF-8"));
            return null;
        }
    }

    /**
     * The data as read, plus every name the campaign file declares: a data file that could not be read has its own
     * problem, and each use of its name reported as "has no value" would bury it.
     */
    private static Map<String, Object> declared(Campaign c, Map<String, Object> data) {
        if (data.keySet().containsAll(c.data().keySet())) {
            return data;
        }
        Map<String, Object> names = new java.util.LinkedHashMap<>(data);
        c.data().keySet().forEach(name -> names.putIfAbsent(name, List.of()));
        return names;
    }

    private static boolean noErrors(List<Problem> problems) {
        return problems.stream().noneMatch(Problem::isError);
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
