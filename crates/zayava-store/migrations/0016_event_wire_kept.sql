-- An event's id on the wire (`<application>:<device>:<n>`) is kept when the event is added,
-- so a desktop that takes a new device id (its file copied to another computer, or a backup
-- restored: two desktops must never share one) still names its earlier events as it sent
-- them; and an id is found by an index, not by working out every event's.
-- A colleague's event keeps the id it came with (`sync_remote_event`); this table holds the
-- ids of the events this desktop's user recorded (the only ones it sends; the Operator's come
-- with ids of their own). The trail itself stays append-only.
CREATE TABLE event_own_wire (
    event_id  INTEGER PRIMARY KEY REFERENCES application_event(id) ON DELETE CASCADE,
    wire      TEXT NOT NULL
);
INSERT INTO event_own_wire (event_id, wire)
    SELECT w.id, w.wire FROM event_wire w JOIN application_event e ON e.id = w.id
    WHERE e.recorded_by = 'user' AND NOT EXISTS (SELECT 1 FROM sync_remote_event r WHERE r.local_event_id = w.id);
CREATE INDEX event_own_wire_by_wire ON event_own_wire(wire);
CREATE TRIGGER application_event_own_wire AFTER INSERT ON application_event WHEN NEW.recorded_by = 'user' AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO event_own_wire (event_id, wire)
        VALUES (NEW.id, NEW.application_id || ':' || (SELECT value FROM setting WHERE key = 'sync.device') || ':' || NEW.id);
END;

-- The id as before for a row the trigger has not reached yet (triggers of one insert run in no
-- set order, and the outbox's reads this view): the same words, the same device, the same id.
DROP VIEW outbox_event;
DROP VIEW event_wire;
CREATE VIEW event_wire AS
    SELECT e.id, e.application_id,
        coalesce((SELECT r.remote_id FROM sync_remote_event r WHERE r.local_event_id = e.id),
                 (SELECT o.wire FROM event_own_wire o WHERE o.event_id = e.id),
                 e.application_id || ':' || (SELECT value FROM setting WHERE key = 'sync.device') || ':' || e.id) AS wire
    FROM application_event e;
CREATE VIEW outbox_event AS
    SELECT e.id, e.recorded_by, w.wire AS entity,
        json_object('id', w.wire, 'application_id', e.application_id, 'event', e.event,
            'at', e.at, 'recorded_at', e.recorded_at,
            'corrects', CASE WHEN e.corrects IS NULL THEN NULL ELSE (SELECT c.wire FROM event_wire c WHERE c.id = e.corrects) END,
            'note', e.note) AS payload
    FROM application_event e JOIN event_wire w ON w.id = e.id;
