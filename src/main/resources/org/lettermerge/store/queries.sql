-- Named queries of the delivery log. Each starts with "-- name: <name>"; DeliveryLog refers to them by name.

-- name: find-campaign
SELECT * FROM campaign WHERE name = ?;

-- name: list-campaigns
SELECT * FROM campaign ORDER BY id;

-- The id of the row the last insert on this connection created.
-- name: last-insert-rowid
SELECT last_insert_rowid();

-- name: insert-campaign
INSERT INTO campaign (name, campaign_file, version, created_at) VALUES (?, ?, ?, ?);

-- name: set-campaign-version
UPDATE campaign SET version = ?, campaign_file = ? WHERE id = ?;

-- name: insert-version
INSERT INTO campaign_version (campaign_id, version, content_hash, parts, recipients_hash, created_at)
VALUES (?, ?, ?, ?, ?, ?);

-- name: current-version
SELECT v.version, v.content_hash, v.parts, v.recipients_hash, v.created_at
FROM campaign_version v JOIN campaign c ON c.id = v.campaign_id AND c.version = v.version
WHERE c.id = ?;

-- name: insert-recipient
INSERT INTO recipient (campaign_id, email_key, email, name, fields, row_hash, line, state, message_id,
                       bounce_token, queued_at, updated_at, search_text)
VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?);

-- name: recipients
SELECT * FROM recipient WHERE campaign_id = ? ORDER BY id;

-- Views (status, its CSV and JSON, the report) read rows one at a time in id order; each of these is served by an
-- index of 011-views.sql with no sort, so the first row comes out at once.
-- One state as status shows it (the expression must stay exactly that of the index recipient_shown_state).
-- name: recipients-shown
SELECT * FROM recipient
WHERE campaign_id = ? AND (CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END) = ? ORDER BY id;

-- name: recipient-by-id
SELECT * FROM recipient WHERE id = ? AND campaign_id = ?;

-- Each row with when its letter was last accepted, as the history says (event_recipient finds it per row).
-- name: recipients-accepted-at
SELECT r.*, (SELECT e.at FROM event e WHERE e.recipient_id = r.id AND e.kind = 'OUTCOME' AND e.to_state = 'ACCEPTED'
             ORDER BY e.id DESC LIMIT 1) AS accepted_at
FROM recipient r WHERE r.campaign_id = ? ORDER BY r.id;

-- Letters accepted per minute (UTC), from the history: a few rows for the report's chart instead of one per letter.
-- Timestamps are fixed-width (store/Timestamps), so the first 16 characters are the minute.
-- Served by the partial index event_accepted (013-addressed-name.sql): keep its WHERE terms written as they are.
-- name: accepted-per-minute
SELECT substr(at, 1, 16) || ':00Z' AS minute, count(*) AS letters FROM event
WHERE campaign_id = ? AND kind = 'OUTCOME' AND to_state = 'ACCEPTED' AND recipient_id IS NOT NULL
GROUP BY minute ORDER BY minute;

-- name: update-recipient-row
UPDATE recipient SET email = ?, name = ?, fields = ?, row_hash = ?, line = ?, removed_at = NULL, updated_at = ?,
                     search_text = ?
WHERE id = ?;

-- name: mark-removed
UPDATE recipient SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL;

-- Claiming is one conditional statement: only one process can move a row out of QUEUED/DEFERRED, and never
-- while its campaign is paused or cancelled (so once `pause` has committed, no new claim succeeds), nor while its
-- address is on the suppression list (so once `suppress add` has committed, that address gets no letter), nor,
-- for a reminder, while its parent row no longer qualifies or another reminder about the same letter went to the
-- same person less than the follow-up's spacing (--after) ago (so two follow-ups never remind anyone twice in it).
-- name: claim
UPDATE recipient SET state = 'SENDING', attempts = attempts + 1, last_attempt_at = ?,
                     first_attempt_at = COALESCE(first_attempt_at, ?), updated_at = ?
WHERE id = ? AND state IN ('QUEUED', 'DEFERRED') AND removed_at IS NULL AND skipped_at IS NULL
  AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
  AND EXISTS (SELECT 1 FROM campaign c WHERE c.id = recipient.campaign_id AND c.state = 'ACTIVE'
                AND (? IS NULL OR c.version = ?))
  AND NOT EXISTS (SELECT 1 FROM suppression s WHERE s.email_key = recipient.email_key)
  AND NOT EXISTS (SELECT 1 FROM followup f JOIN followup_standing fs
                    ON fs.row_id = recipient.parent_recipient_id AND fs.who = f.who
                  WHERE f.campaign_id = recipient.campaign_id AND fs.reason IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM followup f JOIN recipient o ON o.parent_recipient_id = recipient.parent_recipient_id
                  WHERE f.campaign_id = recipient.campaign_id AND o.id <> recipient.id
                    AND o.state IN ('SENDING', 'ACCEPTED', 'UNKNOWN')
                    AND o.last_attempt_at > strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || (f.spacing_ms / 1000.0) || ' seconds'));

-- name: set-outcome
UPDATE recipient SET state = ?, smtp_code = ?, smtp_reply = ?, next_attempt_at = ?, updated_at = ?
WHERE id = ? AND state = 'SENDING';

-- Rows a run may send now, in queue order: queued ones, and deferred ones whose retry time has come. Two
-- searches of recipient_shown_state (a skipped row is shown SKIPPED, so neither state finds it), each in id order,
-- instead of one OR, which would scan the campaign's every row.
-- name: due-rows
SELECT * FROM (
    SELECT * FROM (SELECT * FROM recipient
                   WHERE campaign_id = ? AND (CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END) = 'QUEUED'
                     AND removed_at IS NULL
                   ORDER BY id LIMIT ?)
    UNION ALL
    SELECT * FROM (SELECT * FROM recipient
                   WHERE campaign_id = ? AND (CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END) = 'DEFERRED'
                     AND removed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                   ORDER BY id LIMIT ?))
ORDER BY id LIMIT ?;

-- A skipped row counts as SKIPPED, whatever its delivery state underneath (see 003-suppression.sql).
-- name: counts
SELECT CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END AS shown, count(*)
FROM recipient WHERE campaign_id = ? AND removed_at IS NULL GROUP BY shown;

-- name: due-count
SELECT count(*) FROM recipient
WHERE campaign_id = ? AND removed_at IS NULL AND skipped_at IS NULL
  AND (state = 'QUEUED' OR (state = 'DEFERRED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)));

-- name: any-attempted
SELECT EXISTS (SELECT 1 FROM recipient WHERE campaign_id = ? AND attempts > 0);

-- name: next-retry
SELECT MIN(next_attempt_at) FROM recipient
WHERE campaign_id = ? AND state = 'DEFERRED' AND removed_at IS NULL AND skipped_at IS NULL;

-- name: sending-count
SELECT count(*) FROM recipient WHERE campaign_id = ? AND state = 'SENDING';

-- name: resolve-unknown
UPDATE recipient SET state = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'UNKNOWN';

-- name: schedule-campaign
UPDATE campaign SET scheduled_at = ?, overrides = ?, account = ? WHERE id = ?;

-- name: pause-campaign
UPDATE campaign SET state = 'PAUSED', pause_kind = ?, pause_reason = ?, resume_at = ?
WHERE id = ? AND state != 'CANCELLED';

-- name: resume-campaign
UPDATE campaign SET state = 'ACTIVE', pause_kind = NULL, pause_reason = NULL, resume_at = NULL,
                    consecutive_failures = 0
WHERE id = ? AND state = 'PAUSED';

-- name: cancel-campaign
UPDATE campaign SET state = 'CANCELLED', resume_at = NULL WHERE id = ? AND state != 'CANCELLED';

-- name: set-failures
UPDATE campaign SET consecutive_failures = ? WHERE id = ?;

-- name: upsert-account
INSERT INTO account (key, rate, daily_cap) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET rate = excluded.rate, daily_cap = excluded.daily_cap;

-- name: account
SELECT key, rate, daily_cap, last_slot_at, tightened FROM account WHERE key = ?;

-- name: account-sends
SELECT at FROM account_send WHERE account = ? AND at > ? ORDER BY at;

-- name: take-slot
UPDATE account SET last_slot_at = ? WHERE key = ?;

-- name: record-slot
INSERT INTO account_send (account, at) VALUES (?, ?);

-- name: prune-slots
DELETE FROM account_send WHERE account = ? AND at <= ?;

-- name: tighten-account
UPDATE account SET tightened = tightened + 1 WHERE key = ?;

-- name: set-state
UPDATE recipient SET state = ?, updated_at = ? WHERE id = ? AND state = ?;

-- name: insert-event
INSERT INTO event (campaign_id, recipient_id, at, kind, from_state, to_state, smtp_code, smtp_reply, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: interrupted
SELECT r.id, r.state,
       EXISTS (SELECT 1 FROM event e
               WHERE e.recipient_id = r.id AND e.kind = 'DATA_HANDOFF'
                 AND e.id > (SELECT MAX(c.id) FROM event c WHERE c.recipient_id = r.id AND c.kind = 'CLAIMED'))
           AS handed_over
FROM recipient r WHERE r.campaign_id = ? AND r.state = 'SENDING';

-- A page of the dashboard's recipient table: after a row id (keyset paging: page 100 costs what page 1 does),
-- optionally only rows whose address or name contains a text (search_text, folded by store/SearchText) and only
-- rows in one state as status shows it (skipped whatever the delivery state underneath).
-- name: recipients-page
SELECT * FROM recipient WHERE campaign_id = ? AND id > ?
AND (? IS NULL OR instr(search_text, ?) > 0)
AND (? IS NULL OR (CASE WHEN skipped_at IS NOT NULL THEN 'SKIPPED' ELSE state END) = ?)
ORDER BY id LIMIT ?;

-- The same page in another order, from the row after (key, id): by the name the letter used, by address, by state.
-- Each key ends with the id, so rows with the same name keep a fixed order across pages.
-- name: recipients-page-by-name
SELECT * FROM recipient WHERE campaign_id = ? AND (coalesce(name, ''), id) > (?, ?)
AND (? IS NULL OR instr(search_text, ?) > 0)
AND (? IS NULL OR (CASE WHEN skipped_at IS NOT NULL THEN 'SKIPPED' ELSE state END) = ?)
ORDER BY coalesce(name, ''), id LIMIT ?;

-- name: recipients-page-by-address
SELECT * FROM recipient WHERE campaign_id = ? AND (email_key, id) > (?, ?)
AND (? IS NULL OR instr(search_text, ?) > 0)
AND (? IS NULL OR (CASE WHEN skipped_at IS NOT NULL THEN 'SKIPPED' ELSE state END) = ?)
ORDER BY email_key, id LIMIT ?;

-- name: recipients-page-by-state
SELECT * FROM recipient WHERE campaign_id = ?
AND ((CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END), id) > (?, ?)
AND (? IS NULL OR instr(search_text, ?) > 0)
AND (? IS NULL OR (CASE WHEN skipped_at IS NOT NULL THEN 'SKIPPED' ELSE state END) = ?)
ORDER BY (CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END), id LIMIT ?;

-- name: recipient-history
SELECT id, recipient_id, at, kind, from_state, to_state, smtp_code, smtp_reply, detail
FROM event WHERE recipient_id = ? ORDER BY id;

-- name: history
SELECT id, recipient_id, at, kind, from_state, to_state, smtp_code, smtp_reply, detail
FROM event WHERE campaign_id = ? ORDER BY id;

-- Suppression

-- name: suppression-find
SELECT * FROM suppression WHERE email_key = ?;

-- name: suppression-list
SELECT * FROM suppression ORDER BY added_at, email_key;

-- name: suppression-insert
INSERT INTO suppression (email_key, email, reason, source, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?);

-- name: suppression-delete
DELETE FROM suppression WHERE email_key = ?;

-- name: suppression-event-insert
INSERT INTO suppression_event (at, action, email_key, email, reason, source, actor) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: suppression-history
SELECT * FROM suppression_event ORDER BY id;

-- Marking rows SKIPPED: only rows that could still be sent (QUEUED, DEFERRED), whose address is on the list now.
-- The state column keeps the delivery state underneath; RETURNING gives it for the history line.
-- name: skip-address
UPDATE recipient SET skipped_at = ?, updated_at = ?,
       skip_reason = (SELECT s.reason FROM suppression s WHERE s.email_key = recipient.email_key)
WHERE email_key = ? AND state IN ('QUEUED', 'DEFERRED') AND skipped_at IS NULL
  AND EXISTS (SELECT 1 FROM suppression s WHERE s.email_key = recipient.email_key)
RETURNING id, campaign_id, state, skip_reason;

-- name: skip-campaign
UPDATE recipient SET skipped_at = ?, updated_at = ?,
       skip_reason = (SELECT s.reason FROM suppression s WHERE s.email_key = recipient.email_key)
WHERE campaign_id = ? AND state IN ('QUEUED', 'DEFERRED') AND skipped_at IS NULL
  AND EXISTS (SELECT 1 FROM suppression s WHERE s.email_key = recipient.email_key)
RETURNING id, campaign_id, state, skip_reason;

-- name: skip-row
UPDATE recipient SET skipped_at = ?, updated_at = ?,
       skip_reason = (SELECT s.reason FROM suppression s WHERE s.email_key = recipient.email_key)
WHERE id = ? AND state IN ('QUEUED', 'DEFERRED') AND skipped_at IS NULL
  AND EXISTS (SELECT 1 FROM suppression s WHERE s.email_key = recipient.email_key)
RETURNING id, campaign_id, state, skip_reason;

-- The address is off the list: its rows go on from the state they were skipped in.
-- name: unskip-address
UPDATE recipient SET skipped_at = NULL, skip_reason = NULL, updated_at = ?
WHERE email_key = ? AND skipped_at IS NOT NULL
RETURNING id, campaign_id, state;

-- Inbox

-- Message-IDs are compared ignoring case (recipient_message_id_nocase): some systems change the case of what they quote.
-- name: recipient-by-message-id
SELECT id, campaign_id, email FROM recipient WHERE message_id = ? COLLATE NOCASE;

-- name: recipient-by-bounce-token
SELECT id, campaign_id, email FROM recipient WHERE bounce_token = ? LIMIT 2;

-- name: recipients-by-address
SELECT id, campaign_id, email FROM recipient WHERE campaign_id = ? AND email_key = ?;

-- Rows whose CSV has an alias or aliases column naming the address (checked word by word by the caller).
-- name: recipients-by-alias
SELECT r.id, r.campaign_id, r.email, f.value AS aliases FROM recipient r, json_each(r.fields) f
WHERE r.campaign_id = ? AND lower(f.key) IN ('alias', 'aliases') AND instr(lower(f.value), ?) > 0 ORDER BY r.id;

-- name: inbound-kind
SELECT kind FROM inbound WHERE message_key = ? COLLATE NOCASE;

-- name: insert-inbound
INSERT INTO inbound (message_key, campaign_id, recipient_id, kind, received_at, from_address, subject, snippet,
                     dsn_action, dsn_status, matched_by, recorded_at, asks_unsubscribe, bounce_reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: inbound-of-campaign
SELECT * FROM inbound WHERE campaign_id = ? ORDER BY received_at, id;

-- What came back for a campaign's letters, as every view counts it: mail matched to its rows, and a person's reply
-- matched to a reminder row answering one of them, counted for that row. "Replied" is one rule: a reply to the
-- letter or to any reminder of it (the same rule as followup_standing's 'no-reply', which the claim uses).
-- name: inbound-answering-campaign
SELECT i.id, i.message_key, i.campaign_id, i.recipient_id, i.kind, i.received_at, i.from_address, i.subject,
       i.snippet, i.dsn_action, i.dsn_status, i.matched_by, i.asks_unsubscribe, i.bounce_reason
FROM inbound i WHERE i.campaign_id = ?
UNION ALL
SELECT i.id, i.message_key, p.campaign_id, p.id, i.kind, i.received_at, i.from_address, i.subject,
       i.snippet, i.dsn_action, i.dsn_status, i.matched_by || ' (a reply to a reminder)', i.asks_unsubscribe,
       i.bounce_reason
FROM inbound i JOIN recipient t ON t.id = i.recipient_id JOIN recipient p ON p.id = t.parent_recipient_id
WHERE p.campaign_id = ? AND i.kind = 'REPLIED'
ORDER BY received_at, id;

-- name: reading-position
SELECT uid_validity, last_uid FROM mailbox_state WHERE mailbox = ?;

-- name: save-reading-position
INSERT INTO mailbox_state (mailbox, uid_validity, last_uid, read_at) VALUES (?, ?, ?, ?)
ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
                                    read_at = excluded.read_at;

-- name: unmatched-inbound
SELECT * FROM inbound WHERE kind = 'UNMATCHED' ORDER BY received_at, id;

-- Follow-ups

-- name: followup-insert
INSERT INTO followup (campaign_id, parent_id, number, who, template, subject, created_at, spacing_ms)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- A parent's follow-ups with what decides whether another may be created: when, how many rows, how many still to go.
-- name: followups-with-progress
SELECT f.number, c.name, f.created_at, c.state, c.scheduled_at,
       (SELECT count(*) FROM recipient r WHERE r.campaign_id = c.id AND r.removed_at IS NULL) AS recipients,
       (SELECT count(*) FROM recipient r WHERE r.campaign_id = c.id AND r.removed_at IS NULL AND r.skipped_at IS NULL
          AND r.state IN ('QUEUED', 'DEFERRED', 'SENDING')) AS to_go
FROM followup f JOIN campaign c ON c.id = f.campaign_id WHERE f.parent_id = ? ORDER BY f.number;

-- name: followup-of
SELECT * FROM followup WHERE campaign_id = ?;

-- name: followups-of-parent
SELECT * FROM followup WHERE parent_id = ? ORDER BY number;

-- name: followup-next-number
SELECT COALESCE(MAX(number), 0) + 1 FROM followup WHERE parent_id = ?;

-- Parent rows a reminder to `who` would go to now (suppressed addresses are skipped as the follow-up is queued).
-- name: followup-candidates
SELECT p.* FROM recipient p JOIN followup_standing fs ON fs.row_id = p.id AND fs.who = ?
WHERE p.campaign_id = ? AND fs.reason IS NULL ORDER BY p.id;

-- name: set-parent-row
UPDATE recipient SET parent_recipient_id = ? WHERE id = ?;

-- The Message-ID of the letter a reminder row answers (null for an ordinary row).
-- name: thread-of
SELECT p.message_id FROM recipient r JOIN recipient p ON p.id = r.parent_recipient_id WHERE r.id = ?;

-- A reminder whose parent row no longer qualifies (a reply came in, the state changed) is skipped for good.
-- name: skip-followup-row
UPDATE recipient SET skipped_at = ?, updated_at = ?,
       skip_reason = (SELECT fs.reason FROM followup f JOIN followup_standing fs
                        ON fs.row_id = recipient.parent_recipient_id AND fs.who = f.who
                      WHERE f.campaign_id = recipient.campaign_id)
WHERE id = ? AND state IN ('QUEUED', 'DEFERRED') AND skipped_at IS NULL
  AND EXISTS (SELECT 1 FROM followup f JOIN followup_standing fs
                ON fs.row_id = recipient.parent_recipient_id AND fs.who = f.who
              WHERE f.campaign_id = recipient.campaign_id AND fs.reason IS NOT NULL)
RETURNING id, campaign_id, state, skip_reason;

-- A reminder whose person got another reminder about the same letter less than this follow-up's spacing ago
-- (see claim) is skipped for good, naming that reminder. Parameters: now, now, now (cutoff), id, now (cutoff).
-- name: skip-reminder-too-soon
UPDATE recipient SET skipped_at = ?, updated_at = ?,
       skip_reason = (SELECT 'reminded at ' || o.last_attempt_at || ' by ' || oc.name
                             || ': reminders about one letter go at least '
                             || CASE WHEN f.spacing_ms % 86400000 = 0 THEN (f.spacing_ms / 86400000) || 'd'
                                     WHEN f.spacing_ms % 3600000 = 0 THEN (f.spacing_ms / 3600000) || 'h'
                                     WHEN f.spacing_ms % 60000 = 0 THEN (f.spacing_ms / 60000) || 'm'
                                     ELSE (f.spacing_ms / 1000) || 's' END || ' apart'
                      FROM followup f JOIN recipient o ON o.parent_recipient_id = recipient.parent_recipient_id
                      JOIN campaign oc ON oc.id = o.campaign_id
                      WHERE f.campaign_id = recipient.campaign_id AND o.id <> recipient.id
                        AND o.state IN ('SENDING', 'ACCEPTED', 'UNKNOWN')
                        AND o.last_attempt_at > strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || (f.spacing_ms / 1000.0) || ' seconds')
                      ORDER BY o.last_attempt_at DESC LIMIT 1)
WHERE id = ? AND state IN ('QUEUED', 'DEFERRED') AND skipped_at IS NULL
  AND EXISTS (SELECT 1 FROM followup f JOIN recipient o ON o.parent_recipient_id = recipient.parent_recipient_id
              WHERE f.campaign_id = recipient.campaign_id AND o.id <> recipient.id
                AND o.state IN ('SENDING', 'ACCEPTED', 'UNKNOWN')
                AND o.last_attempt_at > strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || (f.spacing_ms / 1000.0) || ' seconds'))
RETURNING id, campaign_id, state, skip_reason;

-- Reminder rows answering one parent row, with their campaign's name (a recipient's history across follow-ups).
-- name: reminders-of-row
SELECT c.name AS campaign, r.* FROM recipient r JOIN campaign c ON c.id = r.campaign_id
WHERE r.parent_recipient_id = ? ORDER BY r.id;

-- The parent's rows whose reminder (of any of its follow-ups) the server accepted.
-- name: reminded-rows
SELECT DISTINCT r.parent_recipient_id FROM followup f JOIN recipient r ON r.campaign_id = f.campaign_id
WHERE f.parent_id = ? AND r.state = 'ACCEPTED' AND r.skipped_at IS NULL;

-- name: log-id
SELECT log_id FROM log_identity;

-- name: sender-lease
SELECT holder, host, pid, process_started, taken_at, renewed_at, sends FROM sender_lease;

-- name: take-sender-lease
INSERT OR REPLACE INTO sender_lease (only_row, holder, host, pid, process_started, taken_at, renewed_at, sends)
VALUES (1, ?, ?, ?, ?, ?, ?, ?);

-- name: renew-sender-lease
UPDATE sender_lease SET renewed_at = ? WHERE holder = ?;

-- name: release-sender-lease
DELETE FROM sender_lease WHERE holder = ?;
