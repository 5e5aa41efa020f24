-- Version 4: mail read from the organizers' mailbox (replies, automatic replies, bounces, unmatched mail).
-- One row per incoming message, keyed so that reading the same mailbox again records nothing twice.

CREATE TABLE inbound (
    id            INTEGER PRIMARY KEY,
    message_key   TEXT    NOT NULL UNIQUE,  -- the incoming Message-ID, or "sha256:..." of its headers when it has none
    campaign_id   INTEGER REFERENCES campaign(id),   -- null while nobody could tell which letter it is about
    recipient_id  INTEGER REFERENCES recipient(id),
    kind          TEXT    NOT NULL CHECK (kind IN ('REPLIED','AUTO_REPLY','BOUNCED','DELAYED','UNMATCHED')),
    received_at   TEXT    NOT NULL,
    from_address  TEXT,
    subject       TEXT,
    snippet       TEXT,                     -- the first words of the text, for a person looking at the list
    dsn_action    TEXT,                     -- RFC 3464 Action (failed, delayed, ...) for delivery reports
    dsn_status    TEXT,                     -- RFC 3463 status code, e.g. 5.1.1
    matched_by    TEXT,                     -- how it was tied to the recipient (In-Reply-To, References, ...)
    recorded_at   TEXT    NOT NULL
);

CREATE INDEX inbound_recipient ON inbound(campaign_id, recipient_id, received_at);
CREATE INDEX inbound_kind ON inbound(kind, received_at);
