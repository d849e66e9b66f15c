-- A letter's outgoing number and date (issue 17): typed by the user, or the next of the
-- organisation's own count. Kept on the application so a reprint carries the same number.
ALTER TABLE application ADD COLUMN outgoing_number TEXT;
ALTER TABLE application ADD COLUMN outgoing_date TEXT;
ALTER TABLE organisation ADD COLUMN outgoing_last INTEGER NOT NULL DEFAULT 0;
