-- A stale mark carries a fresh random value each time it is set, so that a recompute clears
-- only the marks it read before reading its inputs: one set meanwhile (an event recorded, a
-- page pulled while the recompute ran) stays, with its application, for the next recompute.
ALTER TABLE due_stale ADD COLUMN mark INTEGER NOT NULL DEFAULT 0;
