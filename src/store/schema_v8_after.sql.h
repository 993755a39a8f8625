/*
 * Migration 8, after the duplicates are superseded: at most one activity a person and
 * catalog event that is not superseded. Included by migrations.c only.
 */
"CREATE UNIQUE INDEX activities_one_per_event ON activities(person_id, event_id)"
    "  WHERE event_id IS NOT NULL AND superseded_by IS NULL;"
