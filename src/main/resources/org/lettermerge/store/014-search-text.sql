-- Version 14 (issue 13, the dashboard's search "in any script"): each row keeps its address and name folded for
-- search — Unicode lower case, composed (NFC) — so "élise" finds "Élise" and "DUBOIS-LÉGER". SQLite's lower()
-- folds only A-Z, so the folding is Java's: rows queued from now on get it from the log (store/SearchText), and
-- this migration fills in the rows already there through the same function, registered on the connection that
-- migrates (lettermerge_fold). The search then reads one column instead of lowering two on every row.
ALTER TABLE recipient ADD COLUMN search_text TEXT;
UPDATE recipient SET search_text = lettermerge_fold(email, name);
