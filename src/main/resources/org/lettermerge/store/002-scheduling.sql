-- Version 2: scheduling, pacing, retries and pause/resume. Columns are added with defaults, so logs written by
-- version 1 keep every row and every event as they were.

-- ACTIVE campaigns are sent when due; PAUSED ones wait (by themselves until resume_at, or for `resume`);
-- CANCELLED ones are never sent again. "Scheduled", "running" and "finished" are derived from the rows and times.
ALTER TABLE campaign ADD COLUMN state TEXT NOT NULL DEFAULT 'ACTIVE'
    CHECK (state IN ('ACTIVE', 'PAUSED', 'CANCELLED'));
ALTER TABLE campaign ADD COLUMN scheduled_at TEXT;         -- no letter before this instant
ALTER TABLE campaign ADD COLUMN pause_kind TEXT;           -- why it is paused: MANUAL, SERVER, THROTTLE, ERROR_BUDGET, MISSED, CHANGED
ALTER TABLE campaign ADD COLUMN pause_reason TEXT;
ALTER TABLE campaign ADD COLUMN resume_at TEXT;            -- a throttling pause ends by itself at this instant
ALTER TABLE campaign ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaign ADD COLUMN account TEXT;              -- the SMTP account whose budget its letters spend

-- DEFERRED rows are retried from this instant on; the first attempt starts the retry lifetime.
ALTER TABLE recipient ADD COLUMN next_attempt_at TEXT;
ALTER TABLE recipient ADD COLUMN first_attempt_at TEXT;

CREATE INDEX recipient_due ON recipient(campaign_id, state, next_attempt_at);

-- One sending budget per SMTP account (host, port, user), shared by every connection and every process, kept here
-- so that a restart does not reset it.
CREATE TABLE account (
    key           TEXT PRIMARY KEY,     -- host:port:username
    rate          TEXT NOT NULL,        -- e.g. 30/min, unlimited
    daily_cap     INTEGER NOT NULL,     -- 0 = none; a rolling 24-hour window
    last_slot_at  TEXT,                 -- when the last message's slot was taken
    tightened     INTEGER NOT NULL DEFAULT 0  -- how many times a throttling reply halved the rate
);

-- When each message's slot was taken, per account: what the rolling 24-hour cap counts. Older rows can be pruned.
CREATE TABLE account_send (
    account  TEXT NOT NULL REFERENCES account(key),
    at       TEXT NOT NULL
);

CREATE INDEX account_send_at ON account_send(account, at);

-- Command-line overrides given when the campaign was queued (--smtp-host, --rate, ...), as JSON, so that
-- `lettermerge run` later sends it exactly as `send` would have.
ALTER TABLE campaign ADD COLUMN overrides TEXT;
