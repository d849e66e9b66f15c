-- The server's data, keyed by account first: one account's rows never mix with another's,
-- and the schema can be distributed by account later (README, «The server»).
-- The PostgreSQL twin of this file is ../postgres/0001_accounts.sql; keep them in step.

CREATE TABLE account (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- The last seq given in this account's feed. Appending takes the account's row, so two
    -- server processes append in turn and a reader never sees a later seq before an earlier one.
    feed_head INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE member (
    account_id TEXT NOT NULL REFERENCES account(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    -- Only the token's SHA-256 is kept: a copy of the database gives no one a token.
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT,
    PRIMARY KEY (account_id, name)
);

CREATE TABLE organisation (
    account_id TEXT NOT NULL REFERENCES account(id),
    id TEXT NOT NULL,
    profile TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT,
    device TEXT,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE application (
    account_id TEXT NOT NULL REFERENCES account(id),
    id TEXT NOT NULL,
    organisation_id TEXT,
    service TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    form_values TEXT NOT NULL,
    status TEXT NOT NULL,
    archived INTEGER NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    revision INTEGER NOT NULL,
    operator_revision INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    changed_by TEXT,
    device TEXT,
    PRIMARY KEY (account_id, id)
);

-- Not unique on purpose: only the idempotency keys keep a resend from landing twice, so the
-- tests' duplicate count measures the client's discipline.
CREATE TABLE client_event (
    row_no INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL REFERENCES account(id),
    id TEXT NOT NULL,
    application_id TEXT NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    changed_by TEXT,
    device TEXT
);
CREATE INDEX client_event_by_id ON client_event(account_id, id);

-- Files are content-addressed per account: the same bytes in two accounts are two rows, so
-- one account cannot learn from a hash that another holds a file.
CREATE TABLE attachment (
    account_id TEXT NOT NULL REFERENCES account(id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (account_id, sha256)
);

CREATE TABLE operator_event (
    account_id TEXT NOT NULL REFERENCES account(id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    application_id TEXT NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    fields TEXT NOT NULL,
    PRIMARY KEY (account_id, seq)
);

-- A key is taken before its change is applied and in the same transaction, so of two
-- requests carrying it at once one applies and the other waits and answers `duplicate`.
-- `body_sha256` is the item as first sent: a replay with another body is refused (409).
CREATE TABLE idempotency (
    account_id TEXT NOT NULL REFERENCES account(id),
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    revision INTEGER,
    body_sha256 TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- The account a sandbox's token acts in (zayava-server serve --sandbox-token); no member's
-- token reaches it unless one is added to it by name.
INSERT INTO account (id, name, feed_head, created_at) VALUES ('sandbox', 'sandbox', 0, '2026-12-07T00:00:00Z');
