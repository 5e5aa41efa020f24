-- Version 7: VERP bounce tokens (issue 4). A letter sent with a campaign's bounce_address goes out with the envelope
-- sender bounces+TOKEN@domain, TOKEN being the UUID of its Message-ID without dashes (message/BounceToken); a bounce
-- addressed there names the row even when it quotes nothing of the letter. Kept as a column (filled when a row is
-- queued) so the lookup is an indexed equality; rows queued before are back-filled with the same rule, and a
-- Message-ID not of the <uuid@domain> form keeps NULL (no token, as BounceToken.of says).

ALTER TABLE recipient ADD COLUMN bounce_token TEXT;

UPDATE recipient
SET bounce_token = lower(replace(substr(message_id, 2, instr(message_id, '@') - 2), '-', ''))
WHERE message_id LIKE '<%@%'
  AND lower(replace(substr(message_id, 2, instr(message_id, '@') - 2), '-', '')) <> ''
  AND lower(replace(substr(message_id, 2, instr(message_id, '@') - 2), '-', '')) NOT GLOB '*[^a-z0-9]*';

CREATE INDEX recipient_bounce_token ON recipient (bounce_token);
