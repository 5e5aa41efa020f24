-- Version 1 of the delivery log. Applied once, in one transaction; later versions add files 002-..., never edit this one.

CREATE TABLE campaign (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    campaign_file  TEXT    NOT NULL,
    version        INTEGER NOT NULL,   -- the accepted version letters are sent from
    created_at     TEXT    NOT NULL
);

-- Every accepted version of a campaign: what its letters were made from. Never updated.
CREATE TABLE campaign_version (
    campaign_id    INTEGER NOT NULL REFERENCES campaign(id),
    version        INTEGER NOT NULL,
    content_hash   TEXT    NOT NULL,   -- SHA-256 over every part below
    parts          TEXT    NOT NULL,   -- JSON object: part name -> SHA-256 (subject, template, data and attachment files)
    recipients_hash TEXT   NOT NULL,   -- SHA-256 over the recipient rows queued under this version
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

-- One row per (campaign, recipient address). The Message-ID is fixed when the row is queued, so every
-- retry carries the same ID and the recipient's mail system can recognise a duplicate.
CREATE TABLE recipient (
    id              INTEGER PRIMARY KEY,
    campaign_id     INTEGER NOT NULL REFERENCES campaign(id),
    email_key       TEXT    NOT NULL,  -- the address lowercased: recipients are matched by address, never by row
    email           TEXT    NOT NULL,
    name            TEXT,
    fields          TEXT    NOT NULL,  -- JSON object: the CSV row as queued
    row_hash        TEXT    NOT NULL,
    line            INTEGER NOT NULL,  -- where the row was in the CSV when last queued (for messages only)
    state           TEXT    NOT NULL CHECK (state IN ('QUEUED','SENDING','ACCEPTED','DEFERRED','FAILED','UNKNOWN')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    message_id      TEXT    NOT NULL UNIQUE,
    smtp_code       INTEGER,
    smtp_reply      TEXT,
    queued_at       TEXT    NOT NULL,
    last_attempt_at TEXT,
    updated_at      TEXT    NOT NULL,
    removed_at      TEXT,              -- set while the address is no longer in the CSV: never sent then
    UNIQUE (campaign_id, email_key)
);

CREATE INDEX recipient_state ON recipient(campaign_id, state);

-- The append-only history: every attempt and every state change, with the server's reply.
CREATE TABLE event (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaign(id),
    recipient_id  INTEGER REFERENCES recipient(id),
    at            TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    from_state    TEXT,
    to_state      TEXT,
    smtp_code     INTEGER,
    smtp_reply    TEXT,
    detail        TEXT
);

CREATE INDEX event_recipient ON event(recipient_id, id);

CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'the delivery history is append-only');
END;

CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'the delivery history is append-only');
END;
