-- Reminders already shown, by key (application, rule, due day, lead), so none repeats.
CREATE TABLE reminder_shown (
    key       TEXT PRIMARY KEY,
    shown_at  TEXT NOT NULL
);
