-- Version 5: a person's message that asks to unsubscribe is flagged for the organizer to review (issue 4,
-- Opt-outs). Only a flag: the suppression list is changed by a person (`suppress add`), never from this column.
-- Rows recorded before this version were never checked and read as "does not ask".

ALTER TABLE inbound ADD COLUMN asks_unsubscribe INTEGER NOT NULL DEFAULT 0 CHECK (asks_unsubscribe IN (0, 1));
