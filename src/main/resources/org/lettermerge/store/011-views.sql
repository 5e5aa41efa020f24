-- Version 11 (issue 10, "The log at scale"): the indexes that let status, its CSV and JSON, and the report hand
-- rows over one at a time, in queue order, from the first row on, on a log of 100,000 recipients.
--
-- A campaign's rows in id order: without this index SQLite searched recipient_due by campaign and sorted every row
-- in a temporary B-tree before the first could go out (seconds, and the whole table's width, at 100,000 rows).
-- Only a new row changes it; a state change does not touch it.
CREATE INDEX recipient_campaign ON recipient(campaign_id);

-- `status --state X` as status shows a state: a skipped row is SKIPPED whatever its delivery state underneath
-- (003-suppression.sql). The expression is written exactly as the queries write it ("recipients-shown"), which is
-- what lets SQLite use the index; within one state its entries are in id order, so no sort either.
CREATE INDEX recipient_shown_state ON recipient(campaign_id, (CASE WHEN skipped_at IS NULL THEN state ELSE 'SKIPPED' END));
