/*
 * Migration 9: each person gets subject_uuid, the random UUID (version 4, lower case)
 * that names them as the subject of their Open Badges credentials
 * ("credentialSubject.id": "urn:uuid:UUID", and the JWT's "sub"). It is drawn at random
 * once, so it says nothing of the person: not their name, not their address, not their
 * row's id, nor when they were added; and it stays the same for all their credentials.
 * People added later get theirs from the trigger, whatever inserts them.
 *
 * migrations.c applies any step not yet recorded, in the order of the versions.
 * Included by migrations.c only.
 */
#define SCHEMA_V9_RANDOM_UUID                                                                      \
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"                             \
    " substr(hex(randomblob(2)), 2) || '-' ||"                                                     \
    " substr('89AB89AB89AB89AB', instr('0123456789ABCDEF', substr(hex(randomblob(1)), 1, 1)),"     \
    " 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
"ALTER TABLE people ADD COLUMN subject_uuid TEXT;"
    "UPDATE people SET subject_uuid = " SCHEMA_V9_RANDOM_UUID ";"
    "CREATE UNIQUE INDEX people_subject_uuid ON people(subject_uuid);"
    "CREATE TRIGGER people_subject_uuid AFTER INSERT ON people WHEN NEW.subject_uuid IS NULL"
    " BEGIN UPDATE people SET subject_uuid = " SCHEMA_V9_RANDOM_UUID " WHERE id = NEW.id; END;"
