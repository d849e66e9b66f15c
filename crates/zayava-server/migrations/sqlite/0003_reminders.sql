-- A reminder one desktop showed is shown by none of the account's others: the desktop pushes
-- its key, the server keeps the first (one row per key), and the feed passes it on.
-- The PostgreSQL twin of this file is ../postgres/0003_reminders.sql; keep them in step.
CREATE TABLE reminder (
    account_id TEXT NOT NULL REFERENCES account(id),
    key TEXT NOT NULL,
    shown_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- The feed's kinds gain `reminder`; SQLite changes a CHECK only by copying the table.
CREATE TABLE account_change_new (
    account_id TEXT NOT NULL REFERENCES account(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'application', 'event', 'attachment', 'reminder')),
    entity TEXT NOT NULL,
    revision INTEGER,
    payload TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    device TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (account_id, seq)
);
INSERT INTO account_change_new (account_id, seq, kind, entity, revision, payload, changed_by, device, at)
    SELECT account_id, seq, kind, entity, revision, payload, changed_by, device, at FROM account_change;
DROP TABLE account_change;
ALTER TABLE account_change_new RENAME TO account_change;
