-- Operator events that arrived before the local trail could take them (issue 14): kept
-- whole with why, shown on their application, and applied by themselves once the trail
-- allows (after a local event, a correction, or a later page). Nothing the Operator sends
-- is dropped.
CREATE TABLE sync_parked (
    remote_id       TEXT PRIMARY KEY,
    seq             INTEGER NOT NULL,
    application_id  TEXT NOT NULL,
    event           TEXT NOT NULL,
    at              TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL,
    parked_at       TEXT NOT NULL
);

CREATE INDEX sync_parked_by_application ON sync_parked (application_id, seq);
