-- The audit trail: every event of every application, never updated or deleted; a
-- correction is a new row naming the row it corrects.
CREATE TABLE application_event (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id  TEXT NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    event           TEXT NOT NULL,
    at              TEXT NOT NULL,                 -- YYYY-MM-DD or YYYY-MM-DDTHH:MM, Minsk time
    recorded_at     TEXT NOT NULL,                 -- RFC 3339 UTC
    recorded_by     TEXT NOT NULL CHECK (recorded_by IN ('user', 'sync')),
    corrects        INTEGER REFERENCES application_event(id),
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_event_by_application ON application_event(application_id, id);

CREATE TRIGGER application_event_is_append_only_update BEFORE UPDATE ON application_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER application_event_is_append_only_delete BEFORE DELETE ON application_event
WHEN EXISTS (SELECT 1 FROM application WHERE id = OLD.application_id)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Each application's computed dates, refreshed whenever its events, its form, the calendar or
-- the support window change, so the dashboard reads an index instead of recomputing every
-- timeline. Whether an open item is upcoming, due today or overdue is decided when read.
CREATE TABLE due_item (
    application_id  TEXT NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    rule            TEXT NOT NULL,
    party           TEXT,                          -- consumer, operator, both; NULL for dates
    kind            TEXT NOT NULL,                 -- deadline or date
    due             TEXT NOT NULL,                 -- as the engine gives it
    due_day         TEXT NOT NULL,                 -- YYYY-MM-DD, for ordering and ranges
    open            INTEGER NOT NULL,              -- 1 while a deadline is unmet (or a date is to come)
    PRIMARY KEY (application_id, rule)
);
-- In the dashboard's order, so its first page is read straight off the index.
CREATE INDEX due_item_open_by_day ON due_item(open, due_day, due, application_id);
