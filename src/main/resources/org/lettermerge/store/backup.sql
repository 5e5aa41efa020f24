-- Named queries of lettermerge backup (store/LogBackup). Kept apart from queries.sql: they run on the copy as well.

-- A consistent snapshot in one read transaction: under WAL it neither waits for nor blocks a sender's writes.
-- The target must not exist or be empty (LogBackup creates it empty, 0600, first).
-- name: vacuum-into
VACUUM INTO ?;

-- The copy is one self-contained file: no -wal beside it to lose when it is moved or mailed.
-- name: single-file
PRAGMA journal_mode = DELETE;

-- name: integrity-check
PRAGMA integrity_check;

-- name: campaign-count
SELECT count(*) FROM campaign;

-- Every letter of every campaign (follow-ups included), counted as status counts them.
-- name: letter-counts
SELECT CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END AS shown, count(*)
FROM recipient WHERE removed_at IS NULL GROUP BY shown;
