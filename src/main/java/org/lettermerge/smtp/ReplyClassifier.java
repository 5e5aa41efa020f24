package org.lettermerge.smtp;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one SMTP reply into an outcome. A pure function: the reply class decides first (RFC 5321 4.2.1:
 * 2yz done, 4yz transient, 5yz permanent), then two refinements: the enhanced status code (RFC 3463 class.subject.detail)
 * and wording that shows the reply is about us, the sender, rather than about this recipient.
 */
public final class ReplyClassifier {

    /** Which command the reply answers. */
    public enum Stage { MAIL_FROM, RCPT, DATA, DATA_END }

    // RFC 3463 3.1: "class.subject.detail" right after the reply code.
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    // Provider wording for quota and throttling (Gmail, Microsoft 365, Amazon SES, Postfix policy daemons).
    // Deliberately absent: "quota" and "limit exceeded" alone (a recipient's full mailbox), "too many recipients"
    // (about one transaction: RFC 5321 4.5.3.1.10).
    private static final Pattern ABOUT_US = Pattern.compile(String.join("|",
            "sending limit", "sending quota", "submissionquota", "daily user", "message limit",
            "rate limit", "ratelimit", "rate-limit", "rate that prevents", "too quickly", "too fast",
            "too many (messages|emails|mails|connections|sessions)", "throttl", "server busy"));

    private ReplyClassifier() {
    }

    public static SendOutcome classify(Stage stage, int code, String reply) {
        String text = reply == null ? "" : reply.strip();
        boolean afterFinalDot = stage == Stage.DATA_END;
        if (code >= 200 && code < 300) {
            return new SendOutcome.Accepted(code, text);
        }
        if (isAboutUs(stage, code, text)) {
            return new SendOutcome.ServerRefused(code, text, afterFinalDot);
        }
        // RFC 5321 4.5.3.1.10: a 552 to RCPT ("too many recipients") must be treated as temporary.
        if (code >= 400 && code < 500 || stage == Stage.RCPT && code == 552) {
            return new SendOutcome.Deferred(code, text);
        }
        if (code >= 500 && code < 600) {
            return new SendOutcome.Failed(code, text);
        }
        // 1yz/3yz where a completion was expected: the dialogue is out of step; the server may or may not have the message.
        String reason = "unexpected reply " + text;
        return afterFinalDot ? new SendOutcome.Unknown(reason) : new SendOutcome.NotHandedOver(reason);
    }

    private static boolean isAboutUs(Stage stage, int code, String text) {
        // 421: the server is closing the session (RFC 5321 3.8); 454 "TLS/auth temporarily unavailable", also SES throttling.
        // 530 authentication required, 534 mechanism too weak, 535 credentials invalid (RFC 4954 6).
        if (code == 421 || code == 454 || code == 530 || code == 534 || code == 535) {
            return true;
        }
        Optional<String> enhanced = enhancedCode(text);
        // X.4.5 "mail system congestion" (RFC 3463 3.5); Gmail's "550 5.4.5 Daily user sending limit exceeded".
        if (enhanced.filter(e -> e.endsWith(".4.5")).isPresent()) {
            return true;
        }
        // A 5.7.x policy rejection of MAIL FROM is about our sender address: every message would get it.
        if (stage == Stage.MAIL_FROM && code >= 500 && enhanced.filter(e -> e.startsWith("5.7.")).isPresent()) {
            return true;
        }
        return ABOUT_US.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** "5.1.1" from "550 5.1.1 User unknown", if the reply carries one. */
    static Optional<String> enhancedCode(String reply) {
        Matcher matcher = ENHANCED.matcher(reply);
        return matcher.find()
                ? Optional.of(matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3))
                : Optional.empty();
    }
}
