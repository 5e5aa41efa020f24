-- Version 12: the sender claim says what its holder sends: every campaign in the log (`run`, NULL) or one campaign
-- (`send --live`, its name). A `send --live` that finds `run` sending can then queue its campaign for it and say so.

ALTER TABLE sender_lease ADD COLUMN sends TEXT;
