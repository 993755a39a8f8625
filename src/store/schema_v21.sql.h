/*
 * Migration 21: the versions of a certificate's documents (store_certificate_versions.h).
 * A certificate keeps its number, award day and expiry for good; its documents (the PDF
 * and the signed credential) can be issued again, after a name change, each time with a
 * new verification code and the name then printed. Every version is kept: the newest is
 * the one not superseded (superseded_at NULL), and the certificate's own
 * verification_code is always the newest version's. An older version names when it was
 * superseded and by which version. Every certificate here gets its version 1 with its
 * current code and its holder's name, and so does every certificate issued from now on
 * (the trigger). Included by migrations.c only.
 */
"CREATE TABLE certificate_versions ("
    "  id INTEGER PRIMARY KEY,"
    "  certificate_id INTEGER NOT NULL REFERENCES certificates(id),"
    "  version INTEGER NOT NULL CHECK (version >= 1),"
    "  verification_code TEXT NOT NULL UNIQUE,"
    "  printed_name TEXT NOT NULL,"
    "  issued TEXT NOT NULL,"
    "  reason TEXT NOT NULL CHECK (reason <> ''),"
    "  issued_by INTEGER REFERENCES people(id),"
    "  superseded_at TEXT,"
    "  superseded_by INTEGER REFERENCES certificate_versions(id),"
    "  UNIQUE (certificate_id, version)"
    ");"
    "CREATE UNIQUE INDEX certificate_versions_current ON certificate_versions(certificate_id)"
    "  WHERE superseded_at IS NULL;"
    "INSERT INTO certificate_versions (certificate_id, version, verification_code,"
    "  printed_name, issued, reason)"
    "  SELECT c.id, 1, c.verification_code, p.name, c.issued, c.provenance"
    "  FROM certificates c JOIN people p ON p.id = c.person_id;"
    "CREATE TRIGGER certificate_first_version AFTER INSERT ON certificates BEGIN"
    "  INSERT INTO certificate_versions (certificate_id, version, verification_code,"
    "    printed_name, issued, reason)"
    "  VALUES (NEW.id, 1, NEW.verification_code,"
    "    (SELECT name FROM people WHERE id = NEW.person_id), NEW.issued, NEW.provenance);"
    "END;"
