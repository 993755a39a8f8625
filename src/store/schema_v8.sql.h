/*
 * Migration 8: one catalog event, one credit. Included by migrations.c only.
 *
 * A person holds at most one activity per catalog event, ever. Whatever else proves it
 * (a claim, a report row, an xAPI statement, another mapping of the same event) adds
 * provenance to that one activity. This part of the migration runs first; then
 * store_duplicates_supersede_all() marks every later duplicate already in the database
 * as superseded (rejected, superseded_by naming the activity kept, audited; merged_at is
 * set when certtrack check --merge moves its provenance onto the kept one); then the
 * part after it (schema_v8_after) adds the partial unique index that keeps it so.
 *
 * harvest_provenance gains the mapping each proof came through (link_url and link_name:
 * the event_lms_links row, or the course url alone for a course whose parts make it
 * whole) and when the LMS withdrew it; a proof kept before this migration has no
 * mapping and is withdrawn by any withdrawal of its event.
 *
 * harvest_parts: the parts of a course mapped by activity names (catalog add
 * --course-url C --lms-name A --lms-name B) that a person completed; the event is
 * complete when every part is, on the day the last one was.
 *
 * harvest_rows and xapi_statements gain the outcome and state "partial" (a part
 * recorded, the whole not yet complete), which needs their tables rebuilt; a statement's
 * id is unique within the site that sent it (another site's statements are another
 * authority's: a known id sent by another site tells it nothing, docs/api.md); a row of an
 * import also keeps the column of the file its record was read from (column_number, the
 * state cell's, counted from 1; NULL for a whole line and for rows kept before).
 */
"ALTER TABLE activities ADD COLUMN superseded_by INTEGER REFERENCES activities(id);"
    "ALTER TABLE activities ADD COLUMN merged_at TEXT;"
    "DROP INDEX activities_harvest_once;"
    "ALTER TABLE harvest_provenance ADD COLUMN link_url TEXT;"
    "ALTER TABLE harvest_provenance ADD COLUMN link_name TEXT;"
    "ALTER TABLE harvest_provenance ADD COLUMN withdrawn_at TEXT;"
    "ALTER TABLE harvest_imports ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE harvest_parts ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  link_url TEXT NOT NULL,"
    "  link_name TEXT NOT NULL,"
    "  completed TEXT NOT NULL,"
    "  raw_hash TEXT NOT NULL,"
    "  received_at TEXT NOT NULL,"
    "  withdrawn_at TEXT,"
    "  UNIQUE (person_id, event_id, link_url, link_name)"
    ");"
    "CREATE TABLE harvest_rows_v8 ("
    "  id INTEGER PRIMARY KEY,"
    "  import_id INTEGER NOT NULL REFERENCES harvest_imports(id),"
    "  line INTEGER NOT NULL,"
    "  outcome TEXT NOT NULL CHECK (outcome IN ('created', 'duplicate', 'withdrawn', 'waiting',"
    "    'refused', 'partial')),"
    "  reason TEXT,"
    "  learner_email TEXT,"
    "  learner_name TEXT,"
    "  activity_name TEXT,"
    "  completed TEXT,"
    "  activity_id INTEGER REFERENCES activities(id),"
    "  column_number INTEGER"
    ");"
    "INSERT INTO harvest_rows_v8 SELECT id, import_id, line, outcome, reason, learner_email,"
    "  learner_name, activity_name, completed, activity_id, NULL FROM harvest_rows;"
    "DROP TABLE harvest_rows;"
    "ALTER TABLE harvest_rows_v8 RENAME TO harvest_rows;"
    "CREATE INDEX harvest_rows_import ON harvest_rows(import_id, line);"
    "CREATE TABLE xapi_statements_v8 ("
    "  seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL,"
    "  site_id INTEGER NOT NULL REFERENCES lms_sites(id),"
    "  raw_json TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL,"
    "  version TEXT NOT NULL,"
    "  received_at TEXT NOT NULL,"
    "  verb TEXT NOT NULL,"
    "  meaning TEXT NOT NULL CHECK (meaning IN ('completed', 'uncompleted', 'other')),"
    "  completion INTEGER CHECK (completion IN (0, 1)),"
    "  course_or_module INTEGER NOT NULL CHECK (course_or_module IN (0, 1)),"
    "  account_home TEXT,"
    "  account_name TEXT,"
    "  object_id TEXT,"
    "  object_name TEXT,"
    "  course_id TEXT,"
    "  occurred_at TEXT NOT NULL,"
    "  occurred_unix INTEGER NOT NULL,"
    "  state TEXT NOT NULL CHECK (state IN ('credited', 'withdrawn', 'waiting', 'ignored',"
    "    'partial')),"
    "  reason TEXT,"
    "  created INTEGER NOT NULL DEFAULT 0 CHECK (created IN (0, 1)),"
    "  person_id INTEGER REFERENCES people(id),"
    "  event_id INTEGER REFERENCES events(id),"
    "  activity_id INTEGER REFERENCES activities(id),"
    "  state_changed_at TEXT NOT NULL,"
    "  UNIQUE (site_id, id)"
    ");"
    "INSERT INTO xapi_statements_v8 SELECT seq, id, site_id, raw_json, content_hash, version,"
    "  received_at, verb, meaning, completion, course_or_module, account_home, account_name,"
    "  object_id, object_name, course_id, occurred_at, occurred_unix, state, reason, created,"
    "  person_id, event_id, activity_id, state_changed_at FROM xapi_statements;"
    "DROP TABLE xapi_statements;"
    "ALTER TABLE xapi_statements_v8 RENAME TO xapi_statements;"
    "CREATE INDEX xapi_statements_site ON xapi_statements(site_id, seq);"
    "CREATE INDEX xapi_statements_waiting ON xapi_statements(state, site_id, account_name)"
    "  WHERE state = 'waiting';"
