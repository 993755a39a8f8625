/*
 * Migration 13: telling people what waits for them. Notices (a plan to sign, a claim
 * rejected ...) wait in `notices` until they are gathered into one message per person
 * (after the gathering window, or in the daily digest the person chose in
 * `notice_settings`). Each reminder the daily job queues is kept in `reminders_sent`, so
 * that it is never queued twice. A person may turn a kind of notice or reminder off
 * (`notice_opt_outs`: by the one-click unsubscribe or on their settings page); a notice
 * that cannot be sent (its kind turned off, no address) keeps why in `skipped`. The
 * outbox says what kind of mail each message is and where its List-Unsubscribe points,
 * and keeps a refusal by the relay; an address the relay keeps refusing is marked in
 * `mail_address_refusals`. `job_leases` lets one server at a time run a job (the mail
 * sender, the reminders), and `job_runs` says when each daily job ran. The pending
 * claims have an index by the time they were recorded, for the reminders of claims that
 * wait too long.
 * Included by migrations.c only.
 */
"CREATE TABLE notice_settings ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL UNIQUE REFERENCES people(id),"
    "  delivery TEXT NOT NULL DEFAULT 'gathered' CHECK (delivery IN ('gathered', 'daily')),"
    "  changed_at TEXT NOT NULL"
    ");"
    "CREATE TABLE notice_opt_outs ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  kind TEXT NOT NULL,"
    "  since TEXT NOT NULL,"
    "  how TEXT NOT NULL CHECK (how IN ('unsubscribe', 'settings')),"
    "  UNIQUE (person_id, kind)"
    ");"
    "CREATE TABLE notices ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  kind TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  outbox_id INTEGER REFERENCES mail_outbox(id),"
    "  skipped TEXT"
    ");"
    "CREATE INDEX notices_waiting ON notices(person_id, created_at)"
    "  WHERE outbox_id IS NULL AND skipped IS NULL;"
    "CREATE TABLE reminders_sent ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  kind TEXT NOT NULL,"
    "  subject_key TEXT NOT NULL,"
    "  on_day TEXT NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  outbox_id INTEGER REFERENCES mail_outbox(id),"
    "  UNIQUE (person_id, kind, subject_key)"
    ");"
    "CREATE INDEX reminders_sent_day ON reminders_sent(on_day);"
    "ALTER TABLE mail_outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'account';"
    "ALTER TABLE mail_outbox ADD COLUMN unsubscribe_url TEXT;"
    "ALTER TABLE mail_outbox ADD COLUMN refused_at TEXT;"
    "CREATE TABLE mail_address_refusals ("
    "  address TEXT PRIMARY KEY,"
    "  refusals INTEGER NOT NULL CHECK (refusals >= 0),"
    "  last_refusal TEXT NOT NULL,"
    "  last_refused_at TEXT NOT NULL,"
    "  marked_at TEXT"
    ");"
    "CREATE TABLE job_leases ("
    "  job TEXT PRIMARY KEY,"
    "  holder TEXT NOT NULL,"
    "  until TEXT NOT NULL"
    ");"
    "CREATE TABLE job_runs ("
    "  job TEXT NOT NULL,"
    "  on_day TEXT NOT NULL,"
    "  started_at TEXT NOT NULL,"
    "  finished_at TEXT,"
    "  queued INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (job, on_day)"
    ");"
    "CREATE INDEX activities_pending ON activities(created_at) WHERE status = 'pending';"
