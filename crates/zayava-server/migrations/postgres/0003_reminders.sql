-- A reminder one desktop showed is shown by none of the account's others: the desktop pushes
-- its key, the server keeps the first (one row per key), and the feed passes it on.
-- The SQLite twin of this file is ../sqlite/0003_reminders.sql; keep them in step.
CREATE TABLE reminder (
    account_id TEXT NOT NULL REFERENCES account(id),
    key TEXT NOT NULL,
    shown_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);

ALTER TABLE account_change DROP CONSTRAINT account_change_kind_check;
ALTER TABLE account_change ADD CONSTRAINT account_change_kind_check
    CHECK (kind IN ('organisation', 'application', 'event', 'attachment', 'reminder'));
