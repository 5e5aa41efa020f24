-- Version 10 (issue 9): what the log knows about replies, bounces and the mailbox it reads.

-- Why a bounce says the letter did not arrive, in words: the report's Diagnostic-Code, or the text of a rejection
-- notice (Sieve reject, RFC 5429), or what was missing from a report that gave no status. Null for other mail.
ALTER TABLE inbound ADD COLUMN bounce_reason TEXT;

-- Message-IDs are kept as written and compared ignoring case (some systems change the case of what they quote).
-- Keys recorded before this version were lowercased: the same message read again must still be known, so the
-- key is unique ignoring case and looked up that way.
CREATE UNIQUE INDEX inbound_key_nocase ON inbound(message_key COLLATE NOCASE);
CREATE INDEX recipient_message_id_nocase ON recipient(message_id COLLATE NOCASE);

-- Where the last reading of each mailbox folder stopped (RFC 3501 2.3.1.1): new mail has a UID above last_uid as
-- long as the folder's UIDVALIDITY is the same; when it changes, every UID may mean another message and the
-- folder is read in full again (messages already recorded are recognised by their key).
CREATE TABLE mailbox_state (
    mailbox       TEXT    PRIMARY KEY,   -- imap://user@host:port/folder
    uid_validity  INTEGER NOT NULL,
    last_uid      INTEGER NOT NULL,
    read_at       TEXT    NOT NULL
);
