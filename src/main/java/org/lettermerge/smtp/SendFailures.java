package org.lettermerge.smtp;

import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.lettermerge.smtp.ReplyClassifier.Stage;

/**
 * Turns the exception Angus threw for one message into an outcome. A server reply goes to {@link ReplyClassifier};
 * anything else means the connection broke, and whether the final "." had been started decides between
 * "the server may have it" and "nothing reached the server".
 */
final class SendFailures {

    private SendFailures() {
    }

    static SendOutcome outcomeOf(MessagingException e, boolean finalDotStarted, SmtpSettings settings) {
        // RCPT rejected: SendFailedException chaining SMTPAddressFailedException; the connection stays usable.
        SMTPAddressFailedException rcpt = Causes.first(e, SMTPAddressFailedException.class);
        if (rcpt != null && isReplyCode(rcpt.getReturnCode())) {
            return ReplyClassifier.classify(Stage.RCPT, rcpt.getReturnCode(), rcpt.getMessage());
        }
        // MAIL FROM, DATA or the final "." rejected. Angus reports a connection closed by the server (EOF) here too,
        // with return code -1: that is a lost connection, not a reply.
        SMTPSendFailedException command = Causes.first(e, SMTPSendFailedException.class);
        if (command != null && isReplyCode(command.getReturnCode())) {
            return ReplyClassifier.classify(stageOf(command.getCommand(), finalDotStarted),
                    command.getReturnCode(), command.getMessage());
        }
        return lost(e, finalDotStarted, settings);
    }

    private static SendOutcome lost(MessagingException e, boolean finalDotStarted, SmtpSettings settings) {
        String what = Causes.any(e, SocketTimeoutException.class)
                ? "no reply within " + (finalDotStarted ? settings.dataEndTimeout() : settings.readTimeout()).toMillis() + " ms"
                : "the connection was lost (" + rootMessage(e) + ")";
        return finalDotStarted
                ? new SendOutcome.Unknown(what + " after the final \".\": the server may have queued the message")
                : new SendOutcome.NotHandedOver(what + " before the final \".\": the server discarded the message");
    }

    private static Stage stageOf(String command, boolean finalDotStarted) {
        String upper = command == null ? "" : command.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("MAIL")) {
            return Stage.MAIL_FROM;
        }
        if (upper.startsWith("RCPT")) {
            return Stage.RCPT;
        }
        if (upper.equals("DATA")) {
            return Stage.DATA;
        }
        return finalDotStarted ? Stage.DATA_END : Stage.DATA;
    }

    private static boolean isReplyCode(int code) {
        return code >= 100 && code <= 599;
    }

    private static String rootMessage(Throwable e) {
        var chain = Causes.of(e);
        Throwable root = chain.get(chain.size() - 1);
        return root.getMessage() == null ? "no details given" : root.getMessage().strip();
    }
}
