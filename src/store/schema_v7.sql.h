/*
 * Migration 7: settings, one row a name. public-url is the address printed in QR codes,
 * verification URLs and credentials; issuer-name is the issuer that credentials name. A
 * setting not stored has its default (store_settings.h).
 *
 * Each certificate gets its place in the revocation status list (status_index, unique):
 * drawn at random by the award so that a place says nothing of when or to whom it was
 * issued; certificates issued before this migration keep their id as their place.
 *
 * The audit log gains an index by entity and row, so that a row's history (a
 * certificate's issue, an activity's changes since, which a transcript rewinds) is found
 * without reading the log from the start. Included by migrations.c only.
 */
"CREATE TABLE settings ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  value TEXT NOT NULL"
    ");"
    "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);"
    "ALTER TABLE certificates ADD COLUMN status_index INTEGER;"
    "UPDATE certificates SET status_index = id;"
    "CREATE UNIQUE INDEX certificates_status_index ON certificates(status_index);"
