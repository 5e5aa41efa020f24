package org.lettermerge.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.lettermerge.campaign.Fingerprint;
import org.lettermerge.campaign.PreparedCampaign;
import org.lettermerge.campaign.RecipientRows;
import org.lettermerge.message.MessageIds;
import org.lettermerge.problems.InvalidInputException;
import org.lettermerge.problems.Problem;
import org.lettermerge.recipients.Recipient;
import org.lettermerge.store.CampaignRecord;
import org.lettermerge.store.CampaignVersion;
import org.lettermerge.store.DeliveryLog;
import org.lettermerge.store.DeliveryLogException;
import org.lettermerge.store.NewRecipient;
import org.lettermerge.store.QueueChanges;
import org.lettermerge.store.StoredRecipient;

/**
 * Compares a prepared campaign with what the log already holds for it and says what queuing would write:
 * rows to add, rows changed or back in the CSV, rows gone from it, and whether the letters' parts changed.
 * Recipients are matched by address, never by row number.
 *
 * @param needsConfirmation letters went out and what they are made of changed: --accept-changes
 * @param differentLetter   the template differs and most recipients are other people: a new letter under an old
 *                          name (a copied campaign folder), not an edit: --same-campaign
 */
public record QueuePlan(QueueChanges changes, List<String> described, boolean needsConfirmation,
                        boolean differentLetter) {

    /** The first queuing of a campaign: every recipient, version 1, as a list (for small campaigns and tests). */
    public static QueuePlan first(PreparedCampaign p) {
        List<NewRecipient> added = new ArrayList<>();
        String domain = messageIdDomain(p);
        p.recipients().forQueuing().forEach(r -> added.add(newRow(p, domain, r)));
        CampaignVersion v1 = version(p, 1);
        return new QueuePlan(new QueueChanges(v1, p.campaign().file().toString(), added, List.of(), List.of()),
                List.of(added.size() + " recipients queued"), false, false);
    }

    /**
     * Queues a campaign the log has never seen, as version 1, reading each row again from the file as it is
     * written: if the file changed since preflight, the log's transaction is rolled back and the refusal thrown.
     */
    static CampaignRecord queueFirst(PreparedCampaign p, DeliveryLog log) {
        String domain = messageIdDomain(p);
        Iterable<NewRecipient> rows = () -> StreamSupport.stream(p.recipients().forQueuing().spliterator(), false)
                .map(r -> newRow(p, domain, r)).iterator();
        try {
            return log.createCampaign(p.campaign().name(), p.campaign().file().toString(), version(p, 1), rows);
        } catch (DeliveryLogException e) {
            throw refusalIn(e).orElseThrow(() -> e);
        }
    }

    /**
     * The log reports whatever fails inside its transaction as its own failure (exit 6); a recipients file that
     * changed under us is the user's to fix (exit 3). The transaction was rolled back either way.
     */
    private static Optional<InvalidInputException> refusalIn(DeliveryLogException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** A later queuing, against the accepted version and the rows already in the log. */
    public static QueuePlan against(PreparedCampaign p, CampaignVersion current, List<StoredRecipient> stored) {
        List<String> described = new ArrayList<>();
        boolean lettersWentOut = stored.stream().anyMatch(r -> r.attempts() > 0);
        boolean contentChanged = false;
        boolean templateChanged = false;

        Map<String, String> parts = p.parts();
        for (String part : union(parts.keySet(), current.parts().keySet())) {
            if (!Objects.equals(parts.get(part), current.parts().get(part))) {
                templateChanged |= part.startsWith("template ") || part.startsWith("html_template ");
                described.add(part + (parts.containsKey(part) ? current.parts().containsKey(part) ? " changed" : " added"
                        : " removed"));
                contentChanged = true;
            }
        }

        Map<String, StoredRecipient> byKey = new HashMap<>();
        stored.forEach(r -> byKey.put(r.emailKey(), r));
        List<NewRecipient> added = new ArrayList<>();
        List<QueueChanges.RowUpdate> updated = new ArrayList<>();
        Set<String> inCsv = new HashSet<>();
        String csv = Problem.display(p.campaign().recipients());
        // Read again, and refused before anything is written if the file is not the one preflight checked.
        String domain = messageIdDomain(p);
        for (RecipientRows.Checked checked : p.recipients().forQueuing()) {
            Recipient r = checked.recipient();
            inCsv.add(r.key());
            StoredRecipient before = byKey.get(r.key());
            if (before == null) {
                added.add(newRow(p, domain, checked));
                described.add(csv + ":" + r.line() + ": " + r.email() + " added: will be queued");
                continue;
            }
            String hash = checked.rowHash();
            boolean changed = !hash.equals(before.rowHash());
            if (changed || before.isRemoved()) {
                updated.add(new QueueChanges.RowUpdate(before, r.email(), p.displayName(r), r.fields(), hash, r.line()));
                if (changed) {
                    contentChanged = true;
                    described.add(csv + ":" + r.line() + ": " + r.email() + " row changed ("
                            + fieldChanges(before.fields(), r.fields()) + "), now " + before.state());
                } else {
                    described.add(csv + ":" + r.line() + ": " + r.email() + " is back in the recipients file");
                }
            }
        }
        List<StoredRecipient> removed = stored.stream()
                .filter(r -> !r.isRemoved() && !inCsv.contains(r.emailKey())).toList();
        removed.forEach(r -> described.add(r.email() + " (" + r.state() + ") is no longer in " + csv
                + (r.state().isSendable() ? ": it will not be sent" : "")));

        CampaignVersion next = version(p, current.version() + 1);
        boolean versionChanged = !next.contentHash().equals(current.contentHash())
                || !next.recipientsHash().equals(current.recipientsHash());
        QueueChanges changes = new QueueChanges(versionChanged ? next : null, p.campaign().file().toString(),
                added, updated, removed);
        return new QueuePlan(changes, described, lettersWentOut && contentChanged,
                templateChanged && otherPeople(stored, inCsv));
    }

    /**
     * Whether the recipients file is a list of other people, not an edited list: fewer than half of the addresses
     * are in both the log and the file. Adding a few recipients to a letter being revised is an edit.
     */
    private static boolean otherPeople(List<StoredRecipient> stored, Set<String> inCsv) {
        Set<String> before = new HashSet<>();
        stored.stream().filter(r -> !r.isRemoved()).forEach(r -> before.add(r.emailKey()));
        long shared = before.stream().filter(inCsv::contains).count();
        return shared * 2 < Math.max(before.size(), inCsv.size());
    }

    private static String messageIdDomain(PreparedCampaign p) {
        return MessageIds.domainOf(p.campaign().sender().from());
    }

    private static NewRecipient newRow(PreparedCampaign p, String messageIdDomain, RecipientRows.Checked checked) {
        Recipient r = checked.recipient();
        return new NewRecipient(r.key(), r.email(), p.displayName(r), r.fields(), checked.rowHash(), r.line(),
                MessageIds.next(messageIdDomain));
    }

    private static CampaignVersion version(PreparedCampaign p, int number) {
        return new CampaignVersion(number, Fingerprint.overall(p.parts()), p.parts(), p.recipients().hash(), null);
    }

    private static String fieldChanges(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        for (String column : union(before.keySet(), after.keySet())) {
            String was = before.get(column);
            String now = after.get(column);
            if (!Objects.equals(was, now)) {
                changes.add(column + ": " + quote(was) + " → " + quote(now));
            }
        }
        return String.join(", ", changes);
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
