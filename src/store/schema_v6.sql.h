/*
 * Migration 6: xAPI statements as received from an LMS site, verbatim, with what each
 * did for credit. Included by migrations.c only.
 *
 * id is the statement's id (a UUID in lower case; given by the LMS or made by
 * certtrack); seq keeps the order of arrival. content_hash is the SHA-256 of the
 * statement's canonical form (harvest/xapi_canonical.h): the same id with another hash
 * is a conflict. The columns from verb to occurred_unix are read from the statement
 * when it arrives, so that a waiting statement can be applied again without reading
 * its JSON. state: credited (a completion recorded: created = 1 when this statement
 * created the activity), withdrawn (it withdrew activity_id), waiting (for an account
 * link or a course mapping; reason says which), ignored (no credit; reason says why).
 */
"CREATE TABLE xapi_statements ("
    "  seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
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
    "  state TEXT NOT NULL CHECK (state IN ('credited', 'withdrawn', 'waiting', 'ignored')),"
    "  reason TEXT,"
    "  created INTEGER NOT NULL DEFAULT 0 CHECK (created IN (0, 1)),"
    "  person_id INTEGER REFERENCES people(id),"
    "  event_id INTEGER REFERENCES events(id),"
    "  activity_id INTEGER REFERENCES activities(id),"
    "  state_changed_at TEXT NOT NULL"
    ");"
    "CREATE INDEX xapi_statements_site ON xapi_statements(site_id, seq);"
    "CREATE INDEX xapi_statements_waiting ON xapi_statements(state, site_id, account_name)"
    "  WHERE state = 'waiting';"
