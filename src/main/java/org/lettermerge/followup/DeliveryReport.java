package org.lettermerge.followup;

import java.util.List;

/**
 * What a bounce says about the letter: an RFC 3464 delivery status notification, or what could be found in a
 * free-text one.
 *
 * @param action             RFC 3464 2.3.3 Action: failed, delayed, delivered, relayed or expanded
 * @param status             RFC 3463 status code, e.g. 5.1.1, or null when none was given
 * @param recipients         Final-Recipient and Original-Recipient addresses, without their "rfc822;" type
 * @param originalMessageIds Message-IDs of the returned letter (from its returned headers, or found in the text)
 * @param standard           true for a multipart/report, false for free text from a mailer daemon
 * @param reason             why the letter did not arrive, in words (Diagnostic-Code, a rejection notice's text, or
 *                           what the report lacked), or null
 */
public record DeliveryReport(String action, String status, List<String> recipients, List<String> originalMessageIds,
                             boolean standard, String reason) {

    public DeliveryReport {
        recipients = List.copyOf(recipients);
        originalMessageIds = List.copyOf(originalMessageIds);
    }

    public boolean failed() {
        return "failed".equalsIgnoreCase(action);
    }

    public boolean delayed() {
        return "delayed".equalsIgnoreCase(action);
    }
}
