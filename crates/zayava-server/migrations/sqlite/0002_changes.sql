-- The account's feed carries what its desktops changed, beside the operator's events: one
-- seq space (account.feed_head) for both, so every desktop reads one ordered feed under one
-- cursor. A change is appended in the transaction that applies it.
-- The PostgreSQL twin of this file is ../postgres/0002_changes.sql; keep them in step.
CREATE TABLE account_change (
    account_id TEXT NOT NULL REFERENCES account(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'application', 'event', 'attachment')),
    entity TEXT NOT NULL,
    -- Applications: the server's revision after this change.
    revision INTEGER,
    -- What was applied, as the desktop sent it (JSON text).
    payload TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    device TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (account_id, seq)
);
