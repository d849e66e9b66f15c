-- Search by words (issue 19): an FTS5 index over what people search an application by —
-- the words of its form, its number («З-0042», also as «42»), its organisation's name and
-- УНП, and the numbers and texts the Operator gave it.
--
-- The unicode61 tokenizer folds case, Cyrillic included, and diacritics; «ё» is folded to
-- «е» here (and in every query) because unicode61 keeps the two apart. Prefixes of one to
-- three characters are indexed, so a word being typed is found as it is typed.
--
-- The index row of an application has the application's number as its rowid: numbers are
-- unique and never change, while the table's own rowid may change in a VACUUM.
-- Triggers keep it, so no write path can forget it.
--
-- A second column, tags, holds what the list is filtered by (archived or not, service,
-- status, organisation) as tokens (a0, sonewindow, tready, o17), so a search with filters is
-- counted by the index alone; people's words are matched in the first column only.

-- What an application is found by: one place, used by the triggers and the first fill.
CREATE VIEW application_words AS
SELECT a.number AS number,
       replace(replace(
           a.search_text || ' ' || printf('З-%04d %d', a.number, a.number) || ' ' ||
           coalesce((SELECT o.name || ' ' || o.unp FROM organisation o WHERE o.id = a.organisation_id), '') || ' ' ||
           coalesce((SELECT group_concat(f.value, ' ') FROM sync_application s, json_each(s.operator_fields) f
                     WHERE s.application_id = a.id AND json_valid(s.operator_fields) AND f.type = 'text'), ''),
           'ё', 'е'), 'Ё', 'Е') AS words,
       'a' || a.archived || ' s' || replace(a.service, '-', '') || ' t' || a.status || ' o' || coalesce(a.organisation_id, 0) AS tags,
       a.id AS id
FROM application a
WHERE a.number IS NOT NULL;

CREATE VIRTUAL TABLE application_search USING fts5(words, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

INSERT INTO application_search (rowid, words, tags) SELECT number, words, tags FROM application_words;

CREATE TRIGGER application_search_insert AFTER INSERT ON application BEGIN
    INSERT INTO application_search (rowid, words, tags) SELECT number, words, tags FROM application_words WHERE id = new.id;
END;

CREATE TRIGGER application_search_update AFTER UPDATE OF search_text, organisation_id, number, archived, service, status ON application BEGIN
    DELETE FROM application_search WHERE rowid = old.number;
    INSERT INTO application_search (rowid, words, tags) SELECT number, words, tags FROM application_words WHERE id = new.id;
END;

CREATE TRIGGER application_search_delete AFTER DELETE ON application BEGIN
    DELETE FROM application_search WHERE rowid = old.number;
END;

CREATE TRIGGER application_search_organisation AFTER UPDATE OF name, unp ON organisation BEGIN
    DELETE FROM application_search WHERE rowid IN (SELECT number FROM application WHERE organisation_id = new.id);
    INSERT INTO application_search (rowid, words, tags) SELECT w.number, w.words, w.tags FROM application_words w JOIN application a ON a.id = w.id WHERE a.organisation_id = new.id;
END;

CREATE TRIGGER application_search_operator_insert AFTER INSERT ON sync_application BEGIN
    DELETE FROM application_search WHERE rowid = (SELECT number FROM application WHERE id = new.application_id);
    INSERT INTO application_search (rowid, words, tags) SELECT number, words, tags FROM application_words WHERE id = new.application_id;
END;

CREATE TRIGGER application_search_operator_update AFTER UPDATE OF operator_fields ON sync_application BEGIN
    DELETE FROM application_search WHERE rowid = (SELECT number FROM application WHERE id = new.application_id);
    INSERT INTO application_search (rowid, words, tags) SELECT number, words, tags FROM application_words WHERE id = new.application_id;
END;

-- The list is read newest first, page by page.
CREATE INDEX application_by_recency ON application(archived, updated_at DESC, id);
