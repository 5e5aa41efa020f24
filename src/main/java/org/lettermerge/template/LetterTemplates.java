package org.lettermerge.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Addresses;
import org.lettermerge.recipients.Recipient;

/**
 * A campaign's templates, compiled once (a compiled Mustache is thread-safe), checked against the recipients
 * and data before sending, and rendered strictly: a name without a value is an error, never an empty string.
 *
 * <p>At top level a name is a recipient column or a data name. A name that is both is reported by
 * {@link #checkVariables}; if rendered anyway, the recipient's column wins.
 */
public final class LetterTemplates {

    private final Part subject;
    private final Part text;
    private final Part html;
    private final Part toName;

    private record Part(TemplateSource source, Mustache mustache) {
    }

    private LetterTemplates(Part subject, Part text, Part html, Part toName) {
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.toName = toName;
    }

    /**
     * @param html   null for a text-only letter
     * @param toName the To display name, e.g. "{{name}}"; null for none
     * @throws InvalidInputException listing every compile error, each with template:line
     */
    public static LetterTemplates compile(TemplateSource subject, TemplateSource text, TemplateSource html,
                                          TemplateSource toName) {
        List<Problem> problems = new ArrayList<>();
        // A YAML block scalar ends with a newline, which has no place in a header.
        Part s = compile(withoutTrailingNewlines(subject), LetterMustacheFactory.Escaping.NONE, problems);
        Part t = compile(text, LetterMustacheFactory.Escaping.NONE, problems);
        Part h = html == null ? null : compile(html, LetterMustacheFactory.Escaping.HTML, problems);
        Part n = toName == null ? null : compile(withoutTrailingNewlines(toName), LetterMustacheFactory.Escaping.NONE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LetterTemplates(s, t, h, n);
    }

    private static TemplateSource withoutTrailingNewlines(TemplateSource source) {
        return new TemplateSource(source.name(), source.text().replaceAll("[\r\n]+$", ""), source.partialsDir());
    }

    private static Part compile(TemplateSource source, LetterMustacheFactory.Escaping escaping, List<Problem> problems) {
        LetterMustacheFactory factory = new LetterMustacheFactory(source.partialsDir(), escaping);
        try {
            return new Part(source, factory.compile(new StringReader(source.text()), source.name()));
        } catch (MustacheException e) {
            problems.add(CompileErrors.toProblem(source, e));
            return null;
        } catch (RuntimeException e) {
            problems.add(Problem.error(source.name(), "cannot be compiled: " + e.getMessage()));
            return null;
        }
    }

    /** Every name, in every template and partial, that would have no value; and names that are both a column and data. */
    public List<Problem> checkVariables(List<String> recipientColumns, Map<String, Object> data) {
        List<Problem> problems = new ArrayList<>();
        for (String column : recipientColumns) {
            if (data.containsKey(column)) {
                problems.add(Problem.error("data '" + column + "'", "'" + column
                        + "' is both a recipient column and a data name: rename one of them"));
            }
        }
        Frame root = new Frame.Root(Set.copyOf(recipientColumns), data);
        for (Part part : parts()) {
            for (TemplateWalk.Use use : TemplateWalk.uses(part.mustache(), root)) {
                if (use.lookup() instanceof Frame.Missing missing) {
                    problems.add(Problem.error(use.where(), "'" + use.name() + "' has no value: " + missing.reason()));
                }
            }
        }
        return problems;
    }

    /** Like {@link #checkRow(Recipient, Map)} without data: uses inside sections over data are not checked. */
    public List<Problem> checkRow(Recipient recipient) {
        return checkRow(recipient, Map.of());
    }

    /**
     * The "Dear ," defence: a column used outside any section guarding it must not be blank in this row.
     * One problem per column and template, naming the first line that uses it.
     */
    public List<Problem> checkRow(Recipient recipient, Map<String, Object> data) {
        List<Problem> problems = new ArrayList<>();
        for (List<TemplateWalk.Use> uses : unguardedColumns(recipient.fields().keySet(), data)) {
            Set<String> reported = new HashSet<>();
            for (TemplateWalk.Use use : uses) {
                String value = recipient.fields().get(use.name());
                if (value != null && value.isBlank() && reported.add(use.name())) {
                    problems.add(Problem.error(recipient.where(), "column '" + use.name() + "' is empty but "
                            + use.where() + " uses it unconditionally: fill it in, or wrap it as {{#" + use.name()
                            + "}}…{{/" + use.name() + "}}"));
                }
            }
        }
        return problems;
    }

    /** Per part, the columns used as values outside any section that guards them. */
    private record UnguardedColumns(Set<String> columns, Map<String, Object> data, List<List<TemplateWalk.Use>> uses) {
    }

    private volatile UnguardedColumns unguarded;

    /**
     * What a template uses depends on the names a row has, never on their values, and every row of a campaign
     * has the same names: so the templates (the signatories' list and all) are walked once, not once per row.
     */
    private List<List<TemplateWalk.Use>> unguardedColumns(Set<String> columns, Map<String, Object> data) {
        UnguardedColumns known = unguarded;
        if (known != null && known.data() == data && known.columns().equals(columns)) {
            return known.uses();
        }
        Frame root = new Frame.Root(columns, data);
        List<List<TemplateWalk.Use>> perPart = new ArrayList<>();
        for (Part part : parts()) {
            perPart.add(TemplateWalk.uses(part.mustache(), root).stream()
                    .filter(use -> use.kind() == TemplateWalk.Kind.VALUE && use.frame() == root
                            && !use.guards().contains(use.name()))
                    .toList());
        }
        unguarded = new UnguardedColumns(Set.copyOf(columns), data, perPart);
        return perPart;
    }

    /**
     * @throws MissingValueException   a name has no value (preflight should have said so)
     * @throws InvalidInputException   the subject or To name came out with a line break or control character
     */
    public Letter render(Recipient recipient, Map<String, Object> data) {
        Map<String, Object> root = new LinkedHashMap<>(data);
        root.putAll(recipient.fields());
        String renderedSubject = render(subject, root);
        String renderedName = toName == null ? null : render(toName, root).strip();
        requireHeaderSafe(recipient, "subject", renderedSubject);
        requireHeaderSafe(recipient, "To display name", renderedName);
        return new Letter(renderedSubject, render(text, root), html == null ? null : render(html, root),
                renderedName == null || renderedName.isEmpty() ? null : renderedName);
    }

    /** The To display name alone, as {@link #render} makes it, or null when the campaign has none or it is empty. */
    public String toName(Recipient recipient, Map<String, Object> data) {
        if (toName == null) {
            return null;
        }
        Map<String, Object> root = new LinkedHashMap<>(data);
        root.putAll(recipient.fields());
        String rendered = render(toName, root).strip();
        return rendered.isEmpty() ? null : rendered;
    }

    private static void requireHeaderSafe(Recipient recipient, String header, String value) {
        if (value != null && Addresses.hasControlCharacters(value)) {
            throw new InvalidInputException(Problem.error(recipient.where(), "the " + header
                    + " rendered for this row contains a line break or control character: remove it from the columns it uses"));
        }
    }

    private static String render(Part part, Map<String, Object> root) {
        StringWriter out = new StringWriter();
        try {
            part.mustache().execute(out, root);
        } catch (RuntimeException e) {
            // Mustache wraps what a binding throws; the user needs our message, not the wrapper.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MissingValueException missing) {
                    throw missing;
                }
            }
            throw e;
        }
        return out.toString();
    }

    private List<Part> parts() {
        List<Part> parts = new ArrayList<>(List.of(subject, text));
        if (html != null) {
            parts.add(html);
        }
        if (toName != null) {
            parts.add(toName);
        }
        return parts;
    }
}
