-- A reminder shown on one desktop is not shown again on the account's others (issue 20):
-- the sync tells the server which were shown here (`shared` = 0 until it has), and a
-- colleague's arrives through the feed already shared. Those shown before this version were
-- shown before any colleague could learn of them: they stay this desktop's own.
ALTER TABLE reminder_shown ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
UPDATE reminder_shown SET shared = 1;
