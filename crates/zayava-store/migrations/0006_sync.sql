-- Offline-first sync with the operator's API.
--
-- The outbox is filled by triggers, so every change and its outbox entry are written in the
-- same transaction whatever code made the change (a form save, an import, a recorded
-- event). Each entry carries a snapshot of what to send and an idempotency key that stays
-- the same across every retry: the server applies a key once, so a resend after a crash or
-- a lost response never duplicates anything. An entry is deleted only when the server has
-- acknowledged it. Changes brought by sync itself (events recorded_by 'sync') are not queued.

-- Organisations get a stable id for the operator (their local ids are small integers).
ALTER TABLE organisation ADD COLUMN sync_id TEXT;
-- A random (v4) UUID, drawn for each row (a subquery or view would be drawn once).
UPDATE organisation SET sync_id = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX organisation_by_sync_id ON organisation(sync_id);

CREATE TABLE outbox (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT NOT NULL CHECK (kind IN ('organisation', 'application', 'event', 'attachment')),
    entity           TEXT NOT NULL,                 -- the id the operator knows it by
    idempotency_key  TEXT NOT NULL UNIQUE,
    payload          TEXT NOT NULL,                 -- JSON snapshot taken when the change was made
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected', 'conflict')),
    last_error       TEXT
);
CREATE INDEX outbox_pending ON outbox(state, seq);

-- What the client knows of each application on the server: the revision it last saw and
-- the fields the operator owns (its registration number, contract number, remarks), which
-- always take the server's value.
CREATE TABLE sync_application (
    application_id   TEXT PRIMARY KEY REFERENCES application(id) ON DELETE CASCADE,
    known_revision   INTEGER NOT NULL DEFAULT 0,
    operator_fields  TEXT NOT NULL DEFAULT '{}',
    updated_at       TEXT NOT NULL
);

-- Operator events already applied, by the server's id: a duplicate delivery is skipped.
CREATE TABLE sync_remote_event (
    remote_id        TEXT PRIMARY KEY,
    application_id   TEXT NOT NULL,
    local_event_id   INTEGER
);

-- Applications whose stored due dates wait to be recomputed after pulled events were
-- committed (the recomputation runs after the commit; a crash in between leaves the mark).
CREATE TABLE due_stale (
    application_id   TEXT PRIMARY KEY REFERENCES application(id) ON DELETE CASCADE
);

-- What sync could not do and the user should see: rejected items, refused server data.
CREATE TABLE sync_issue (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    code      TEXT NOT NULL,
    subject   TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    seen      INTEGER NOT NULL DEFAULT 0
);

-- A sent application changed on the server by someone else while the user changed it too:
-- never merged silently; the user keeps theirs or takes the server's.
CREATE TABLE sync_conflict (
    application_id   TEXT PRIMARY KEY REFERENCES application(id) ON DELETE CASCADE,
    outbox_seq       INTEGER NOT NULL,
    server_revision  INTEGER NOT NULL,
    server_values    TEXT NOT NULL,
    at               TEXT NOT NULL
);

-- What is sent for each kind of change: one definition each, used by the triggers below
-- and by the queueing of what existed before sync.
CREATE VIEW outbox_organisation AS
    SELECT id, sync_id AS entity, json_object('id', sync_id, 'profile', json(profile), 'updated_at', updated_at) AS payload
    FROM organisation;
CREATE VIEW outbox_application AS
    SELECT a.id, a.id AS entity, a.created_at,
        json_object('id', a.id, 'organisation_id', (SELECT sync_id FROM organisation WHERE id = a.organisation_id),
            'service', a.service, 'schema_version', a.schema_version, 'form_values', json(a.form_values),
            'status', a.status, 'archived', json(CASE WHEN a.archived THEN 'true' ELSE 'false' END), 'updated_at', a.updated_at) AS payload
    FROM application a;
CREATE VIEW outbox_event AS
    SELECT e.id, e.recorded_by, e.application_id || ':' || e.id AS entity,
        json_object('id', e.application_id || ':' || e.id, 'application_id', e.application_id, 'event', e.event,
            'at', e.at, 'recorded_at', e.recorded_at,
            'corrects', CASE WHEN e.corrects IS NULL THEN NULL ELSE e.application_id || ':' || e.corrects END,
            'note', e.note) AS payload
    FROM application_event e;
CREATE VIEW outbox_attachment AS
    SELECT sha256 AS entity, added_at, json_object('sha256', sha256, 'size', size) AS payload FROM attachment;

-- Organisations: a new row gets its sync id, which (as an update) queues it.
CREATE TRIGGER organisation_sync_id AFTER INSERT ON organisation WHEN NEW.sync_id IS NULL
BEGIN
    UPDATE organisation SET sync_id = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE id = NEW.id;
END;
CREATE TRIGGER organisation_outbox AFTER UPDATE ON organisation WHEN NEW.sync_id IS NOT NULL
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'organisation', entity, lower(hex(randomblob(16))), payload FROM outbox_organisation WHERE id = NEW.id;
END;

CREATE TRIGGER application_outbox_insert AFTER INSERT ON application
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'application', entity, lower(hex(randomblob(16))), payload FROM outbox_application WHERE id = NEW.id;
END;
CREATE TRIGGER application_outbox_update AFTER UPDATE OF organisation_id, service, schema_version, form_values, status, archived ON application
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'application', entity, lower(hex(randomblob(16))), payload FROM outbox_application WHERE id = NEW.id;
END;

CREATE TRIGGER application_event_outbox AFTER INSERT ON application_event WHEN NEW.recorded_by = 'user'
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'event', entity, lower(hex(randomblob(16))), payload FROM outbox_event WHERE id = NEW.id;
END;

CREATE TRIGGER attachment_outbox AFTER INSERT ON attachment
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'attachment', entity, lower(hex(randomblob(16))), payload FROM outbox_attachment WHERE entity = NEW.sha256;
END;

-- Everything made before sync existed is queued once, in the order it was made.
INSERT INTO outbox (kind, entity, idempotency_key, payload)
    SELECT 'organisation', entity, lower(hex(randomblob(16))), payload FROM outbox_organisation ORDER BY id;
INSERT INTO outbox (kind, entity, idempotency_key, payload)
    SELECT 'application', entity, lower(hex(randomblob(16))), payload FROM outbox_application ORDER BY created_at, id;
INSERT INTO outbox (kind, entity, idempotency_key, payload)
    SELECT 'attachment', entity, lower(hex(randomblob(16))), payload FROM outbox_attachment ORDER BY added_at;
INSERT INTO outbox (kind, entity, idempotency_key, payload)
    SELECT 'event', entity, lower(hex(randomblob(16))), payload FROM outbox_event WHERE recorded_by = 'user' ORDER BY id;
