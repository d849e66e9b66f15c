-- Organisation profiles become the full common block of DOMAIN.md §4, kept as JSON under
-- the `organisation` form schema; name/unp/address/email stay as columns for lists and search.
ALTER TABLE organisation ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
UPDATE organisation SET profile = json_object(
    'full_name', name, 'short_name', name, 'unp', unp, 'legal_address', address, 'email', email);

-- Applications: one row per application, its values as JSON under the schema version it
-- was made with. Drafts may hold anything; `ready` is set only when the pre-flight is clean.
CREATE TABLE application (
    id               TEXT PRIMARY KEY,            -- UUID, generated here (sync uses it too)
    organisation_id  INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    service          TEXT NOT NULL,
    schema_version   TEXT NOT NULL,
    form_values      TEXT NOT NULL,               -- JSON object
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
    archived         INTEGER NOT NULL DEFAULT 0,
    search_text      TEXT NOT NULL DEFAULT '',    -- lower-cased text of the values, for search
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX application_by_org ON application(organisation_id);
CREATE INDEX application_by_service_status ON application(service, status, archived);

-- Files attached to applications, stored under attachments/<sha256> in the data directory.
-- The stored name is always the hash; the user's file name is kept for display only.
CREATE TABLE attachment (
    sha256         TEXT PRIMARY KEY,
    original_name  TEXT NOT NULL,
    size           INTEGER NOT NULL,
    added_at       TEXT NOT NULL
);
