/*
 * Migration 14: events people register for and attend. A catalog event may say where it
 * happens (place) or where it is held online (online_url), how many may register
 * (capacity; NULL: no limit), when registration opens and closes (dates, NULL: from the
 * day it is added, until its first day) and who hosts it (host_id, a person the CE
 * coordinator names). event_registrations holds each registration: a cancelled one keeps
 * its row (cancelled_at), and at most one registration of a person for an event is
 * active. Attendance, once recorded (attended, recorded_by, recorded_at), names the
 * verified activity it credited (activity_id). Included by migrations.c only.
 */
"ALTER TABLE events ADD COLUMN place TEXT;"
    "ALTER TABLE events ADD COLUMN online_url TEXT;"
    "ALTER TABLE events ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity > 0);"
    "ALTER TABLE events ADD COLUMN registration_opens TEXT;"
    "ALTER TABLE events ADD COLUMN registration_closes TEXT;"
    "ALTER TABLE events ADD COLUMN host_id INTEGER REFERENCES people(id);"
    "CREATE TABLE event_registrations ("
    "  id INTEGER PRIMARY KEY,"
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  registered_at TEXT NOT NULL,"
    "  cancelled_at TEXT,"
    "  attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),"
    "  recorded_by INTEGER REFERENCES people(id),"
    "  recorded_at TEXT,"
    "  activity_id INTEGER REFERENCES activities(id)"
    ");"
    "CREATE UNIQUE INDEX event_registrations_active ON event_registrations(event_id, person_id)"
    "  WHERE cancelled_at IS NULL;"
    "CREATE INDEX event_registrations_person ON event_registrations(person_id);"
