-- Rounds (DOMAIN.md §6.2): a deadline whose base event happens again (a second set of
-- remarks, a second incident) has a row per round, each with its own verdict. `voids` marks
-- a window whose miss voids the contract (a signing window): once it has passed unmet the
-- application leaves the to-do list instead of asking for a signature that can no longer
-- count. The rows are derived data: every application is marked stale and recomputed under
-- the new rules when the database is opened.
CREATE TABLE due_item_rounds (
    application_id  TEXT NOT NULL REFERENCES application(id) ON DELETE CASCADE,
    rule            TEXT NOT NULL,
    round           INTEGER NOT NULL DEFAULT 1,
    party           TEXT,
    kind            TEXT NOT NULL,
    due             TEXT NOT NULL,
    due_day         TEXT NOT NULL,
    open            INTEGER NOT NULL,
    voids           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (application_id, rule, round)
);
INSERT INTO due_item_rounds (application_id, rule, party, kind, due, due_day, open)
    SELECT application_id, rule, party, kind, due, due_day, open FROM due_item;
DROP TABLE due_item;
ALTER TABLE due_item_rounds RENAME TO due_item;
CREATE INDEX due_item_open_by_day ON due_item(open, due_day, due, application_id);
INSERT OR IGNORE INTO due_stale (application_id) SELECT DISTINCT application_id FROM application_event;

-- A short number a person can say on the phone («З-0042»): unique per database, given in
-- the order applications were made, kept on export and import.
ALTER TABLE application ADD COLUMN number INTEGER;
UPDATE application SET number = (
    SELECT COUNT(*) FROM application b
    WHERE b.created_at < application.created_at OR (b.created_at = application.created_at AND b.id <= application.id)
);
CREATE UNIQUE INDEX application_by_number ON application(number);

-- The application's stage as its recorded events leave it (sent, draft contract, active,
-- not concluded…), kept with its due dates so the list can show and filter it without
-- replaying every trail. A signing window that passes unmet later is applied when read.
ALTER TABLE application ADD COLUMN stage TEXT NOT NULL DEFAULT 'draft';
UPDATE application SET stage = status;
