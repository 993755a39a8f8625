/*
 * Migration 19: a verified activity corrected by the CE coordinator (its date, credits,
 * category or kind), with the reason. The activity keeps the newest correction's when,
 * who and why; activity_corrections keeps every correction with the values before and
 * after, so that the old values stay readable beside the audit trail
 * (store_activities.h, store_activity_correct). Included by migrations.c only.
 */
"ALTER TABLE activities ADD COLUMN corrected_at TEXT;"
    "ALTER TABLE activities ADD COLUMN corrected_by INTEGER REFERENCES people(id);"
    "ALTER TABLE activities ADD COLUMN correction_reason TEXT;"
    "CREATE TABLE activity_corrections ("
    "  id INTEGER PRIMARY KEY,"
    "  activity_id INTEGER NOT NULL REFERENCES activities(id),"
    "  corrected_at TEXT NOT NULL,"
    "  corrected_by INTEGER REFERENCES people(id),"
    "  reason TEXT NOT NULL CHECK (reason <> ''),"
    "  old_kind TEXT NOT NULL,"
    "  old_date TEXT NOT NULL,"
    "  old_credit_halves INTEGER NOT NULL,"
    "  old_category TEXT,"
    "  new_kind TEXT NOT NULL,"
    "  new_date TEXT NOT NULL,"
    "  new_credit_halves INTEGER NOT NULL CHECK (new_credit_halves > 0),"
    "  new_category TEXT"
    ");"
    "CREATE INDEX activity_corrections_activity ON activity_corrections(activity_id, id);"
