package org.lettermerge.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lettermerge.template.Letter;

/**
 * A test copy ({@code send --test-to}) that nobody can mistake for the real letter, even forwarded: "[TEST]" in
 * the subject, and a first line that names whose letter it is and that it went only to the tester.
 */
public final class TestCopy {

    private static final Pattern BODY = Pattern.compile("<body[^>]*>", Pattern.CASE_INSENSITIVE);

    private TestCopy() {}

    /** @param whose how the letter addresses its recipient and where it would go, e.g. "Amara Okafor <a@x.org>" */
    public static Letter of(Letter letter, String whose, String testAddress) {
        String line = "TEST COPY of the letter to " + whose + ". It was sent only to " + testAddress
                + "; the recipient has not received anything.";
        String html = letter.html() == null ? null : withFirstParagraph(letter.html(), "<p><strong>"
                + escape(line) + "</strong></p>");
        return new Letter("[TEST] " + letter.subject(), line + "\n\n" + letter.text(), html, letter.toName());
    }

    private static String withFirstParagraph(String html, String paragraph) {
        Matcher body = BODY.matcher(html);
        return body.find() ? html.substring(0, body.end()) + "\n" + paragraph + html.substring(body.end())
                : paragraph + "\n" + html;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
