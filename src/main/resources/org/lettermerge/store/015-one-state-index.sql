-- Version 15 (issue 10, sending speed): recipient_state (campaign_id, state) held, for every row that is not
-- skipped, the very entries of recipient_shown_state (011-views.sql), and a letter's claim and its outcome each
-- rewrote both (and recipient_due): three index pages written to the log per state change instead of two. The due
-- rows are now found through recipient_shown_state, in id order; the queries that counted by state alone read
-- recipient_due, whose first two columns are the same.
DROP INDEX recipient_state;
