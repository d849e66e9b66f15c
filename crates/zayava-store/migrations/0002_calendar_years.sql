-- Transfers of working days entered or corrected by the user (or brought by sync): one row
-- per year, replacing the embedded data for that year.
CREATE TABLE calendar_year (
    year        INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    moves       TEXT NOT NULL,   -- JSON array of {"day_off": "YYYY-MM-DD", "working_day": "YYYY-MM-DD"}
    origin      TEXT NOT NULL,   -- 'user' or 'operator'
    updated_at  TEXT NOT NULL
);
