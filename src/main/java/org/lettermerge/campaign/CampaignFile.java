package org.lettermerge.campaign;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lettermerge.campaign.YamlTree.Mapping;
import org.lettermerge.campaign.YamlTree.Scalar;
import org.lettermerge.campaign.YamlTree.Sequence;
import org.lettermerge.message.Sender;
import org.lettermerge.oauth.OAuthSettings;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Addresses;

/**
 * Reads a campaign file (YAML) into a {@link Campaign}, reporting every unknown key, wrong type and bad
 * address at once, each with file:line. Relative paths are relative to the campaign file.
 */
public final class CampaignFile {

    /** A display name (anything, commas included) followed by one address in angle brackets. */
    private static final Pattern NAMED_ADDRESS = Pattern.compile("(.*)<([^<>]*)>");

    private static final Set<String> KEYS = Set.of("name", "from", "reply_to", "subject", "to_name", "template",
            "html_template", "recipients", "data", "attachments", "smtp", "database", "schedule", "mailbox",
            "list_unsubscribe", "bounce_address", "oauth");

    private final Path file;
    private final Path folder;
    private final List<Problem> problems = new ArrayList<>();

    private CampaignFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.folder = this.file.getParent();
    }

    public static Campaign load(Path file) {
        return new CampaignFile(file).read();
    }

    private Campaign read() {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new InvalidInputException(Problem.error(Problem.display(file),
                    "no such campaign file: check the path (the example is config/campaign.yaml)"));
        }
        if (!(YamlTree.read(file) instanceof Mapping top)) {
            throw new InvalidInputException(Problem.error(Problem.at(file, 1),
                    "a campaign file is a mapping of keys (from, subject, template, recipients, ...)"));
        }
        rejectUnknownKeys(top, KEYS, "");
        String name = text(top, "name", false);
        InternetAddress from = mailbox(top, "from", true);
        InternetAddress replyTo = mailbox(top, "reply_to", false);
        InternetAddress listUnsubscribe = plainAddress(top, "list_unsubscribe", "unsubscribe@coalition.example.org");
        InternetAddress bounceAddress = plainAddress(top, "bounce_address", "bounces@coalition.example.org");
        String subject = text(top, "subject", true);
        String toName = text(top, "to_name", false);
        Path template = path(top, "template", true);
        Path html = path(top, "html_template", false);
        ListKey.Choice recipients = new ListKey(this).read(top, "recipients", "",
                "{file: list.xlsx, sheet: Officials}", true);
        Map<String, Path> data = new LinkedHashMap<>();
        Map<String, String> dataSheets = new LinkedHashMap<>();
        dataFiles(top, data, dataSheets);
        List<Path> attachments = attachments(top);
        SmtpChoice smtp = new SmtpSection(this).read(top.entries().get("smtp"));
        Path database = path(top, "database", false);
        ScheduleSettings schedule = new ScheduleSection(this).read(top.entries().get("schedule"));
        MailboxSettings mailbox = new MailboxSection(this).read(top.entries().get("mailbox"));
        OAuthSettings oauth = new OAuthSection(this).read(top.entries().get("oauth"));
        boolean signsIn = smtp instanceof SmtpChoice.Relay r && r.auth() == Auth.OAUTH2
                || mailbox != null && mailbox.auth() == Auth.OAUTH2;
        if (signsIn && oauth == null && !top.entries().containsKey("oauth")) {
            problem(1, "smtp.auth or mailbox.auth is oauth2 but there is no oauth section: add one with provider "
                    + "(microsoft, google or custom) and client_id (see the README, Signing in with OAuth)");
        }

        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        return new Campaign(file, name != null ? name : defaultName(), new Sender(from, replyTo, listUnsubscribe, bounceAddress),
                subject.strip(), toName, template, html, recipients.file(), data, attachments, smtp,
                database != null ? database : folder.resolve("lettermerge.db"), schedule, mailbox,
                new Sheets(recipients.sheet(), dataSheets), oauth, pathLines(top));
    }

    /** Where each key naming a file was written: "template", "html_template", "recipients", "data.NAME". */
    private static Map<String, Integer> pathLines(Mapping top) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String key : List.of("template", "html_template", "recipients")) {
            if (top.keyLines().containsKey(key)) {
                lines.put(key, top.keyLines().get(key));
            }
        }
        if (top.entries().get("data") instanceof Mapping data) {
            data.keyLines().forEach((name, line) -> lines.put("data." + name, line));
        }
        return lines;
    }

    /** A whole number in [min, max], or the fallback when the key is absent; {@code prefix} names the section. */
    int number(Mapping mapping, String key, int fallback, int min, int max, String prefix) {
        String value = text(mapping, key, false);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like an out-of-range number
        }
        problem(mapping.keyLines().get(key), prefix + key + " must be a number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", found '" + value + "'");
        return fallback;
    }

    Duration duration(Mapping mapping, String key, Duration fallback, String prefix) {
        return parsed(mapping, key, fallback, prefix, Durations::parse);
    }

    /**
     * A text value read by {@code parser}, or the fallback when the key is absent; a value the parser refuses
     * (IllegalArgumentException, with a message saying what is expected) is reported with its line.
     */
    <T> T parsed(Mapping mapping, String key, T fallback, String prefix, java.util.function.Function<String, T> parser) {
        String value = text(mapping, key, false);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problem(mapping.keyLines().get(key), prefix + key + ": " + e.getMessage());
            return fallback;
        }
    }

    /** A path as the campaign file gives it: relative to the campaign file's folder. */
    Path resolve(String value) {
        return folder.resolve(value).normalize();
    }

    void problem(int line, String message) {
        problems.add(Problem.error(Problem.at(file, line), message));
    }

    private String defaultName() {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    void rejectUnknownKeys(Mapping mapping, Set<String> known, String prefix) {
        mapping.keyLines().forEach((key, line) -> {
            if (!known.contains(key)) {
                problems.add(Problem.error(Problem.at(file, line), "unknown key '" + prefix + key
                        + "': expected one of " + String.join(", ", known.stream().sorted().toList())));
            }
        });
    }

    String text(Mapping mapping, String key, boolean required) {
        YamlTree node = mapping.entries().get(key);
        if (node == null || node instanceof Scalar s && s.text() == null) {
            if (required) {
                problems.add(Problem.error(Problem.display(file), "'" + key + "' is required"));
            }
            return null;
        }
        if (node instanceof Scalar s) {
            return s.text();
        }
        problems.add(Problem.error(Problem.at(file, node.line()), "'" + key + "' must be a single text value"));
        return null;
    }

    private Path path(Mapping mapping, String key, boolean required) {
        String value = text(mapping, key, required);
        return value == null ? null : folder.resolve(value).normalize();
    }

    private InternetAddress mailbox(Mapping top, String key, boolean required) {
        YamlTree node = top.entries().get(key);
        if (node instanceof Mapping m) {
            rejectUnknownKeys(m, Set.of("name", "email"), key + ".");
            String email = text(m, "email", true);
            return email == null ? null : address(email, text(m, "name", false), m.line(), key);
        }
        String value = text(top, key, required);
        if (value == null) {
            return null;
        }
        // "Name <address>" is split here, not by InternetAddress.parse: an organizer's display name may hold a
        // comma ("Human Rights Now, ICC Coalition"), which the parser reads as two addresses. The header quotes it.
        Matcher named = NAMED_ADDRESS.matcher(value.strip());
        if (named.matches()) {
            String name = named.group(1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return address(named.group(2).strip(), name.isEmpty() ? null : name, node.line(), key);
        }
        return address(value.strip(), null, node.line(), key);
    }

    /**
     * A bare address (no display name: it becomes a mailto: URI or an envelope sender, not a mailbox header),
     * parsed strictly, or null when the key is absent.
     */
    private InternetAddress plainAddress(Mapping top, String key, String example) {
        String value = text(top, key, false);
        if (value == null) {
            return null;
        }
        try {
            return Addresses.parseStrict(value.strip());
        } catch (AddressException e) {
            problem(top.keyLines().get(key), "'" + key + "' is not a valid address (" + e.getMessage()
                    + "): write one bare address, e.g. " + example);
            return null;
        }
    }

    private InternetAddress address(String email, String name, int line, String key) {
        try {
            InternetAddress parsed = Addresses.parseStrict(email);
            if (name != null && Addresses.hasControlCharacters(name)) {
                throw new AddressException("the name contains a line break or control character");
            }
            return name == null ? parsed : new InternetAddress(parsed.getAddress(), name, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            problems.add(Problem.error(Problem.at(file, line), "'" + key + "' is not a valid address ("
                    + e.getMessage().replaceFirst(" in string .*", "") + "): write it as \"Name <name@example.org>\" or"
                    + " as email: and name:"));
            return null;
        }
    }

    private void dataFiles(Mapping top, Map<String, Path> data, Map<String, String> sheets) {
        YamlTree node = top.entries().get("data");
        if (node == null || node instanceof Scalar s && s.text() == null) {
            return;
        }
        if (!(node instanceof Mapping m)) {
            problems.add(Problem.error(Problem.at(file, node.line()),
                    "'data' maps names to files, e.g. data: { signatories: signatories.csv }"));
            return;
        }
        ListKey lists = new ListKey(this);
        m.entries().forEach((name, value) -> {
            if (value instanceof Scalar s && s.text() == null) {
                problems.add(Problem.error(Problem.at(file, value.line()), "data." + name
                        + " must be the path of a .csv, .xlsx, .ods, .yaml or .json file"));
                return;
            }
            ListKey.Choice choice = lists.read(m, name, "data.", "{file: lists.xlsx, sheet: Signatories}", false);
            if (choice != null) {
                data.put(name, choice.file());
                if (choice.sheet() != null) {
                    sheets.put(name, choice.sheet());
                }
            }
        });
    }

    private List<Path> attachments(Mapping top) {
        YamlTree node = top.entries().get("attachments");
        List<Path> paths = new ArrayList<>();
        if (node == null || node instanceof Scalar s && s.text() == null) {
            return paths;
        }
        List<YamlTree> items = node instanceof Sequence seq ? seq.items() : List.of(node);
        for (YamlTree item : items) {
            if (item instanceof Scalar s && s.text() != null) {
                paths.add(folder.resolve(s.text()).normalize());
            } else {
                problems.add(Problem.error(Problem.at(file, item.line()), "each attachment is a file path"));
            }
        }
        return paths;
    }
}
