-- Version 8: the log knows itself (issue 8).
-- application_id marks the file as a Lettermerge log in its header, where it can be read before any write, so
-- another program's SQLite file is never migrated. log_id is random: a campaign remembers which log it was queued
-- in (a file beside the campaign file), and a log that does not hold it - a new, emptied or other file - is refused.
-- sender_lease is the one-sender-per-log claim kept inside the file itself, so it holds whatever path (symlink, hard
-- link, "..") the log is opened through and whether or not the lock file beside it still exists.

PRAGMA application_id = 1280135751;

CREATE TABLE log_identity (
    only_row    INTEGER PRIMARY KEY CHECK (only_row = 1),
    log_id      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

INSERT INTO log_identity (only_row, log_id, created_at)
VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE sender_lease (
    only_row        INTEGER PRIMARY KEY CHECK (only_row = 1),
    holder          TEXT    NOT NULL,  -- random per process: who may renew and release it
    host            TEXT    NOT NULL,
    pid             INTEGER NOT NULL,
    process_started TEXT,              -- the holder's start instant: a reused pid is not the holder
    taken_at        TEXT    NOT NULL,
    renewed_at      TEXT    NOT NULL
);
