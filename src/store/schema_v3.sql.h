/*
 * Migration 3: personal API tokens, stored only as hashes. Included by migrations.c.
 */
"CREATE TABLE api_tokens ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  name TEXT NOT NULL,"
    "  token_hash TEXT NOT NULL UNIQUE,"
    "  created_at INTEGER NOT NULL,"
    "  last_used_at INTEGER,"
    "  revoked_at INTEGER"
    ");"
    "CREATE INDEX api_tokens_person ON api_tokens(person_id);"
