-- Version 3: the suppression list (opt-outs), shared by every campaign in this log, and recipient rows skipped
-- because their address is on it.
--
-- Why a skipped row is marked by its own columns (skipped_at, skip_reason) and not by a new value 'SKIPPED' in
-- recipient.state:
-- * SQLite cannot change a CHECK constraint in place. The documented way is to recreate the recipient table, which
--   needs foreign keys switched off (event.recipient_id refers to it), and PRAGMA foreign_keys cannot be changed
--   inside the transaction every migration runs in. Recreating it with them on fails (or, done another way,
--   rewrites event's reference to the renamed old table). ADD COLUMN with no default rewrites no row: nothing
--   can be lost, on any log, however large.
-- * The delivery state under the skip is kept: a QUEUED row stays QUEUED, a DEFERRED one keeps its attempts and
--   retry time. When the address is taken off the list, the row continues exactly where it was.
-- The store reports such a row as State.SKIPPED. Every query that picks sendable rows (claim, due-rows,
-- due-count, next-retry) requires skipped_at IS NULL, and the claim also refuses, in the same statement, an
-- address that is on the list now, so a row not yet marked can never be sent either.

CREATE TABLE suppression (
    email_key  TEXT PRIMARY KEY,     -- the address lowercased, as recipient.email_key
    email      TEXT NOT NULL,        -- the address as given
    reason     TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('manual', 'import', 'bounce')),
    added_at   TEXT NOT NULL,
    added_by   TEXT NOT NULL         -- who added it: the user running the command, or the part that did
);

-- The list's history: every addition and every removal, who and when. Append-only, like event, so an opt-out is
-- never silently lost: the suppression row goes when the address is removed, this line stays.
CREATE TABLE suppression_event (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('ADDED', 'REMOVED')),
    email_key  TEXT NOT NULL,
    email      TEXT NOT NULL,
    reason     TEXT NOT NULL,        -- why it was added, or why it was removed
    source     TEXT NOT NULL,
    actor      TEXT NOT NULL
);

CREATE INDEX suppression_event_key ON suppression_event(email_key, id);

CREATE TRIGGER suppression_event_is_append_only_update BEFORE UPDATE ON suppression_event
BEGIN
    SELECT RAISE(ABORT, 'the suppression history is append-only');
END;

CREATE TRIGGER suppression_event_is_append_only_delete BEFORE DELETE ON suppression_event
BEGIN
    SELECT RAISE(ABORT, 'the suppression history is append-only');
END;

-- Set while the row's address is on the suppression list: the row is never sent then.
ALTER TABLE recipient ADD COLUMN skipped_at TEXT;
ALTER TABLE recipient ADD COLUMN skip_reason TEXT;

-- Adding or removing an address finds its rows in every campaign.
CREATE INDEX recipient_email_key ON recipient(email_key);
