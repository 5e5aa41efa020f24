package org.lettermerge.campaign;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.recipients.RecipientsCsv;

/**
 * What preflight learned of the recipients file in its one pass, without the rows: a campaign lives as long as
 * its letters are being sent, and 100,000 rows held that long would be most of the heap. Whoever needs the rows
 * reads them again from the file, one at a time.
 *
 * @param count      how many rows can be mailed (duplicates and rows with errors not counted)
 * @param duplicates the rows skipped because an earlier row has the same address (few)
 * @param hash       the recipients hash of these rows, as a version in the log records it ({@link RecipientsHash})
 * @param sheet      the sheet of a workbook they were read from, or null (the first sheet, or a CSV file)
 * @param readAs     how the file was read, for check: "CSV separated by semicolons (;)", "sheet Officials of ..."
 */
public record RecipientRows(Path file, List<String> columns, int count, List<RecipientsCsv.Duplicate> duplicates,
                            String hash, String sheet, String readAs) {

    public RecipientRows {
        Objects.requireNonNull(file, "file");
        columns = List.copyOf(columns);
        duplicates = List.copyOf(duplicates);
    }

    /** Reads every row of {@code csv}, handing each mailable one to {@code eachRow} as it goes by. */
    static RecipientRows read(RecipientsCsv csv, String sheet, Consumer<Recipient> eachRow) {
        RecipientsHash hash = new RecipientsHash();
        while (csv.hasNext()) {
            Recipient r = csv.next();
            hash.add(r);
            eachRow.accept(r);
        }
        return new RecipientRows(csv.file(), csv.columns(), csv.count(), csv.duplicates(), hash.value(), sheet,
                csv.readAs());
    }

    /**
     * The mailable rows read again from the file, for showing them (a dry run, a preview). Not checked against what
     * preflight saw: anything that queues them uses {@link #forQueuing()}.
     */
    public Iterable<Recipient> reread() {
        return () -> RecipientsCsv.open(file, sheet, Set.of());
    }

    /** The first mailable row, read again from the file. */
    public Optional<Recipient> first() {
        Iterator<Recipient> rows = reread().iterator();
        return rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
    }

    /**
     * The mailable rows read again from the file, to be queued. The file may have changed since preflight checked
     * it, and a row never checked must never be queued: when the rows run out, their hash is compared with
     * preflight's, and a difference (or an error in the file) throws {@link InvalidInputException} naming the file.
     * The log consumes these inside its write transaction, so that throw leaves nothing queued.
     */
    public Iterable<Checked> forQueuing() {
        return () -> new Unchanged(RecipientsCsv.open(file, sheet, Set.of()));
    }

    /** A row read again for queuing, with its row hash ({@link Fingerprint#row}), computed once for the check. */
    public record Checked(Recipient recipient, String rowHash) {}

    private InvalidInputException changed() {
        return new InvalidInputException(Problem.error(Problem.display(file), "changed after it was checked, while "
                + "it was being queued: nothing was queued; run the command again to check it as it is now"));
    }

    private final class Unchanged implements Iterator<Checked> {
        private final RecipientsCsv csv;
        private final RecipientsHash again = new RecipientsHash();
        private boolean compared;

        Unchanged(RecipientsCsv csv) {
            this.csv = csv;
        }

        @Override
        public boolean hasNext() {
            if (csv.hasNext()) {
                return true;
            }
            if (!compared) {
                compared = true;
                if (csv.problems().stream().anyMatch(Problem::isError) || !again.value().equals(hash)) {
                    throw changed();
                }
            }
            return false;
        }

        @Override
        public Checked next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more recipients in " + file);
            }
            Recipient r = csv.next();
            return new Checked(r, again.add(r));
        }
    }
}
