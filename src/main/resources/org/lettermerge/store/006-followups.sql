-- Version 6: follow-up campaigns (issue 4, Reminders). A follow-up is an ordinary campaign (its own rows, Message-IDs,
-- states and events, sent by the same scheduler) plus one line here naming its parent and whom it is for. Existing
-- rows are untouched: the table is new and the recipient column is added without a default.

CREATE TABLE followup (
    campaign_id  INTEGER PRIMARY KEY REFERENCES campaign(id),
    parent_id    INTEGER NOT NULL REFERENCES campaign(id),
    number       INTEGER NOT NULL,           -- N in <parent>-followup-N
    who          TEXT    NOT NULL CHECK (who IN ('no-reply', 'failed', 'unknown', 'bounced', 'deferred')),
    template     TEXT    NOT NULL,           -- the reminder template, absolute path
    subject      TEXT,                       -- subject template given with --subject; null: "Re: {{original_subject}}"
    created_at   TEXT    NOT NULL,
    UNIQUE (parent_id, number)
);

-- The parent letter a reminder row answers: its Message-ID threads the reminder, its standing decides whether
-- the reminder is still due.
ALTER TABLE recipient ADD COLUMN parent_recipient_id INTEGER REFERENCES recipient(id);

-- Why a parent row does NOT (or no longer) qualify for a reminder to `who`; reason IS NULL when it does. One place
-- for the rule, used when the follow-up is created and again, in the same statement, when each reminder is claimed,
-- so someone who replies in between gets nothing.
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

-- The standing of a parent row is looked up by recipient for every reminder claimed.
CREATE INDEX inbound_recipient_kind ON inbound(recipient_id, kind);
-- A reply to an earlier reminder counts as a reply to the letter: the reminders of a row are found by it.
CREATE INDEX recipient_parent ON recipient(parent_recipient_id);
