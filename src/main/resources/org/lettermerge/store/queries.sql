-- Named queries of the delivery log. Each starts with "-- name: <name>"; DeliveryLog refers to them by name.

-- name: find-campaign
SELECT id, name, campaign_file, version, created_at FROM campaign WHERE name = ?;

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
                       queued_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?);

-- name: recipients
SELECT id, email_key, email, name, fields, row_hash, line, state, attempts, message_id, smtp_code, smtp_reply,
       queued_at, last_attempt_at, updated_at, removed_at
FROM recipient WHERE campaign_id = ? ORDER BY id;

-- name: update-recipient-row
UPDATE recipient SET email = ?, name = ?, fields = ?, row_hash = ?, line = ?, removed_at = NULL, updated_at = ?
WHERE id = ?;

-- name: mark-removed
UPDATE recipient SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL;

-- Claiming is one conditional statement: only one process can move a row out of QUEUED/DEFERRED.
-- name: claim
UPDATE recipient SET state = 'SENDING', attempts = attempts + 1, last_attempt_at = ?, updated_at = ?
WHERE id = ? AND state IN ('QUEUED', 'DEFERRED') AND removed_at IS NULL;

-- name: set-outcome
UPDATE recipient SET state = ?, smtp_code = ?, smtp_reply = ?, updated_at = ?
WHERE id = ? AND state = 'SENDING';

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

-- name: history
SELECT id, recipient_id, at, kind, from_state, to_state, smtp_code, smtp_reply, detail
FROM event WHERE campaign_id = ? ORDER BY id;
