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

-- Applying what colleagues changed must not queue it to be sent back: it is on the server
-- already. A row here exists only inside the transaction that applies their changes, and the
-- outbox triggers stand aside while it does.
CREATE TABLE sync_applying (one INTEGER PRIMARY KEY CHECK (one = 1));
DROP TRIGGER organisation_outbox;
CREATE TRIGGER organisation_outbox AFTER UPDATE ON organisation WHEN NEW.sync_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'organisation', entity, lower(hex(randomblob(16))), payload FROM outbox_organisation WHERE id = NEW.id;
END;
DROP TRIGGER application_outbox_insert;
CREATE TRIGGER application_outbox_insert AFTER INSERT ON application WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'application', entity, lower(hex(randomblob(16))), payload FROM outbox_application WHERE id = NEW.id;
END;
DROP TRIGGER application_outbox_update;
CREATE TRIGGER application_outbox_update AFTER UPDATE OF organisation_id, service, schema_version, form_values, status, archived ON application
    WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'application', entity, lower(hex(randomblob(16))), payload FROM outbox_application WHERE id = NEW.id;
END;
DROP TRIGGER attachment_outbox;
CREATE TRIGGER attachment_outbox AFTER INSERT ON attachment WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO outbox (kind, entity, idempotency_key, payload)
        SELECT 'attachment', entity, lower(hex(randomblob(16))), payload FROM outbox_attachment WHERE entity = NEW.sha256;
END;

-- Who recorded an event on another desktop of the account, by name (NULL: this desktop's
-- user, or the Operator). Set when the event is added; the trail stays append-only.
ALTER TABLE application_event ADD COLUMN author TEXT;
-- A conflict with a colleague names them (NULL: with the Operator).
ALTER TABLE sync_conflict ADD COLUMN changed_by TEXT;

-- An event's id on the wire must be one no other desktop gives: events recorded here from now
-- on are named `<application>:<device>:<n>`. Those recorded before keep the `<application>:<n>`
-- they were sent with, and a colleague's keeps the id it came with (`sync_remote_event`).
INSERT INTO setting (key, value)
    SELECT 'sync.device', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'sync.device');
INSERT INTO setting (key, value)
    SELECT 'sync.event_ids_before', max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'application_event'), 0), coalesce((SELECT max(id) FROM application_event), 0));
CREATE INDEX sync_remote_event_by_local ON sync_remote_event(local_event_id);
CREATE VIEW event_wire AS
    SELECT e.id, e.application_id,
        coalesce((SELECT r.remote_id FROM sync_remote_event r WHERE r.local_event_id = e.id),
                 CASE WHEN e.id <= (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'sync.event_ids_before')
                      THEN e.application_id || ':' || e.id
                      ELSE e.application_id || ':' || (SELECT value FROM setting WHERE key = 'sync.device') || ':' || e.id END) AS wire
    FROM application_event e;
DROP VIEW outbox_event;
CREATE VIEW outbox_event AS
    SELECT e.id, e.recorded_by, w.wire AS entity,
        json_object('id', w.wire, 'application_id', e.application_id, 'event', e.event,
            'at', e.at, 'recorded_at', e.recorded_at,
            'corrects', CASE WHEN e.corrects IS NULL THEN NULL ELSE (SELECT c.wire FROM event_wire c WHERE c.id = e.corrects) END,
            'note', e.note) AS payload
    FROM application_event e JOIN event_wire w ON w.id = e.id;
