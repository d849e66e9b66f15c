-- Several desktops per account: the server's feed carries what the account's other desktops
-- changed. This version keeps those changes as the server sent them, in the transaction that
-- moves the cursor past them, so none is lost before this desktop learns to apply them;
-- `applied_at` is set when it has. A desktop's own changes (its device id) are not kept.
CREATE TABLE sync_colleague_change (
    seq         INTEGER PRIMARY KEY,     -- the server's, shared with the operator's events
    kind        TEXT NOT NULL,           -- organisation, application, event, attachment
    entity      TEXT NOT NULL,
    revision    INTEGER,                 -- applications: the server's revision after it
    payload     TEXT NOT NULL,           -- JSON, as applied on the server
    changed_by  TEXT NOT NULL,           -- the colleague's name in the account, or operator
    device      TEXT,
    at          TEXT NOT NULL,           -- when the server applied it (UTC)
    applied_at  TEXT
);
CREATE INDEX sync_colleague_change_waiting ON sync_colleague_change(applied_at, seq);
