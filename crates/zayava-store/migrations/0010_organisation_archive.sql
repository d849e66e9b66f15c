-- An organisation no longer worked with is archived (issue 18): kept with its applications,
-- out of the lists and of the choice for a new application.
ALTER TABLE organisation ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
