package org.lettermerge.campaign;

import java.util.Map;
import java.util.TreeMap;
import org.lettermerge.recipients.Recipient;

/**
 * The recipients hash of a campaign version, built as the rows stream past. Its definition is the one the log's
 * versions were written with, and stays so: {@link Fingerprint#overall} over address key → {@link Fingerprint#row}
 * of every mailable row. It keeps one row hash per address, never the rows.
 */
final class RecipientsHash {

    private final Map<String, String> rows = new TreeMap<>();

    /** Adds the row; returns its row hash, which queuing stores with it. */
    String add(Recipient r) {
        String row = Fingerprint.row(r.fields());
        rows.put(r.key(), row);
        return row;
    }

    String value() {
        return Fingerprint.overall(rows);
    }
}
