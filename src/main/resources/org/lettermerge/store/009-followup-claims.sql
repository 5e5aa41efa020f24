-- Version 9: a reminder never sent twice, and "no-reply" only for letters that were delivered (issue 9).
--
-- followup.spacing_ms is the least time between two reminders about the same letter to the same person: the
-- follow-up's --after (or the wait until its --at). The claim of a reminder row checks it against every other
-- reminder of the same parent row, in the statement that commits it as SENDING, so two follow-ups created at once
-- (or sent by two processes) cannot both remind one person within it. Follow-ups created before keep 0: as before.
ALTER TABLE followup ADD COLUMN spacing_ms INTEGER NOT NULL DEFAULT 0 CHECK (spacing_ms >= 0);

-- The rule of 006-followups.sql, with one change: a letter with a recorded bounce (or rejection notice, whatever
-- its class) is not "delivered as far as we know", so it gets no "Re: ..." reminder for want of a reply; a
-- follow-up for the bounced ones writes to it. (No two dashes inside the SQL below: the splitter reads them as a comment.) A bounce of one of its reminders counts too: that address does not take mail.
DROP VIEW followup_standing;

CREATE VIEW followup_standing AS
SELECT p.id AS row_id, w.who AS who,
       CASE w.who
         WHEN 'no-reply' THEN
           CASE WHEN EXISTS (SELECT 1 FROM inbound i WHERE i.kind = 'REPLIED' AND (i.recipient_id = p.id
                               OR i.recipient_id IN (SELECT t.id FROM recipient t WHERE t.parent_recipient_id = p.id)))
                  THEN 'replied on ' || (SELECT MIN(i.received_at) FROM inbound i WHERE i.kind = 'REPLIED'
                                         AND (i.recipient_id = p.id OR i.recipient_id IN
                                              (SELECT t.id FROM recipient t WHERE t.parent_recipient_id = p.id)))
                WHEN p.state <> 'ACCEPTED' THEN 'the letter is ' || lower(p.state) || ', not accepted'
                WHEN EXISTS (SELECT 1 FROM inbound i WHERE i.kind = 'BOUNCED' AND (i.recipient_id = p.id
                               OR i.recipient_id IN (SELECT t.id FROM recipient t WHERE t.parent_recipient_id = p.id)))
                  THEN 'bounced on ' || (SELECT MIN(i.received_at) FROM inbound i WHERE i.kind = 'BOUNCED'
                                         AND (i.recipient_id = p.id OR i.recipient_id IN
                                              (SELECT t.id FROM recipient t WHERE t.parent_recipient_id = p.id)))
                ELSE NULL END
         WHEN 'bounced' THEN
           CASE WHEN EXISTS (SELECT 1 FROM inbound i WHERE i.recipient_id = p.id AND i.kind = 'BOUNCED') THEN NULL
                ELSE 'the letter did not bounce' END
         ELSE
           CASE WHEN p.state = upper(w.who) THEN NULL
                ELSE 'the letter is now ' || lower(p.state) END
       END AS reason
FROM recipient p
CROSS JOIN (SELECT 'no-reply' AS who UNION ALL SELECT 'failed' UNION ALL SELECT 'unknown'
            UNION ALL SELECT 'bounced' UNION ALL SELECT 'deferred') w
WHERE p.removed_at IS NULL;
