package org.lettermerge.followup;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.List;
import java.util.Locale;

/**
 * Recognises mail a program wrote: out-of-office notices and automatic acknowledgements, which government offices
 * send in numbers and which must not count as answers.
 */
final class AutoReplies {

    /** Subjects of out-of-office notices in the languages our recipients write in (compared lowercased). */
    private static final List<String> SUBJECTS = List.of("out of office", "out of the office", "automatic reply",
            "auto reply", "auto-reply", "autoreply", "abwesenheit", "automatische antwort", "réponse automatique",
            "reponse automatique", "absence du bureau", "respuesta automática", "fuera de la oficina",
            "risposta automatica", "resposta automática", "fora do escritório", "automatisch antwoord");

    private AutoReplies() {}

    static boolean isAutomatic(Part message, String subject) throws MessagingException {
        // RFC 3834 3.1.7: any Auto-Submitted value other than "no" means a program sent it.
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.split(";")[0].strip().equalsIgnoreCase("no")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
                || header(message, "X-Autoresponder") != null) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && List.of("auto_reply", "bulk", "junk").contains(precedence.strip()
                .toLowerCase(Locale.ROOT))) {
            return true;
        }
        // Read receipts (RFC 8098) and other reports are written by programs too.
        if (message.isMimeType("multipart/report")) {
            return true;
        }
        String lower = subject == null ? "" : subject.toLowerCase(Locale.ROOT);
        return SUBJECTS.stream().anyMatch(lower::contains);
    }

    static String header(Part message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
