/*
 * Migration 2: web sessions and failed log-ins. Included by migrations.c only.
 */
"CREATE TABLE sessions ("
    "  id_hash TEXT PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  csrf_token TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  last_seen_at INTEGER NOT NULL"
    ");"
    "CREATE INDEX sessions_person ON sessions(person_id);"
    "CREATE TABLE login_failures ("
    "  key TEXT NOT NULL,"
    "  at INTEGER NOT NULL"
    ");"
    "CREATE INDEX login_failures_key ON login_failures(key, at);"
