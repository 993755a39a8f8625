/*
 * Migration 16: proof of a claim, and a rejected claim sent again. `activity_proofs`
 * keeps each file a learner sends with a claim (an attendance certificate, an unofficial
 * transcript) in the database itself, so that every server reads it: its bytes, their
 * SHA-256 (hex), the type read from the content, the size, the name it was sent under,
 * who sent it and when. A proof stays with its activity for good (never deleted, even
 * when the claim is rejected or corrected). A corrected claim is a new activity whose
 * `replaces` names the rejected one; the rejected one is kept, with `replaced_at` saying
 * when it was replaced, and no longer holds its event (the one-event-one-credit index
 * leaves replaced rows out, as it leaves superseded duplicates out).
 * Included by migrations.c only.
 */
"CREATE TABLE activity_proofs ("
    "  id INTEGER PRIMARY KEY,"
    "  activity_id INTEGER NOT NULL REFERENCES activities(id),"
    "  content BLOB NOT NULL,"
    "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
    "  content_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL CHECK (size > 0),"
    "  file_name TEXT NOT NULL,"
    "  uploaded_by INTEGER NOT NULL REFERENCES people(id),"
    "  uploaded_at TEXT NOT NULL"
    ");"
    "CREATE INDEX activity_proofs_activity ON activity_proofs (activity_id);"
    "ALTER TABLE activities ADD COLUMN replaces INTEGER REFERENCES activities(id);"
    "ALTER TABLE activities ADD COLUMN replaced_at TEXT;"
    "CREATE UNIQUE INDEX activities_replaces ON activities (replaces) WHERE replaces IS NOT NULL;"
    "DROP INDEX activities_one_per_event;"
    "CREATE UNIQUE INDEX activities_one_per_event ON activities(person_id, event_id)"
    "  WHERE event_id IS NOT NULL AND superseded_by IS NULL AND replaced_at IS NULL;"
