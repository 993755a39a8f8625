/*
 * Migration 20: a summary of each track's evaluation (store_track_summary.h), so that
 * the lists that sort or filter by status, counted credits or what blocks a track read
 * it with SQL instead of evaluating every track per page view. A summary is what the
 * engine decided as of its day (as_of): the status, counted and required credits in
 * halves (the engine's units), the blocking codes space-separated ("credits-short
 * category-short:technology"), how many there are, and the next day counted credit
 * would fall (NULL: none). track_summary_state remembers the newest audit entry whose
 * person's summaries were refreshed (audited_to), and whether the first fill ran.
 * Included by migrations.c only.
 */
"CREATE TABLE track_summaries ("
    "  track_id INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,"
    "  person_id INTEGER NOT NULL,"
    "  status TEXT NOT NULL,"
    "  counted_halves INTEGER NOT NULL,"
    "  required_halves INTEGER NOT NULL,"
    "  blocking TEXT NOT NULL,"
    "  blocking_count INTEGER NOT NULL,"
    "  next_expiry TEXT,"
    "  as_of TEXT NOT NULL"
    ");"
    "CREATE INDEX track_summaries_status ON track_summaries(status, track_id);"
    "CREATE INDEX track_summaries_counted ON track_summaries(counted_halves, track_id);"
    "CREATE INDEX track_summaries_blocking ON track_summaries(blocking_count, track_id);"
    "CREATE INDEX track_summaries_as_of ON track_summaries(as_of);"
    "CREATE INDEX track_summaries_person ON track_summaries(person_id);"
    "CREATE TABLE track_summary_state ("
    "  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
    "  audited_to INTEGER NOT NULL,"
    "  filled INTEGER NOT NULL"
    ");"
    "INSERT INTO track_summary_state (singleton, audited_to, filled) VALUES (1, 0, 0);"
