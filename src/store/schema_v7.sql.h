/*
 * Migration 7: settings, one row a name. public-url is the address printed in QR codes,
 * verification URLs and credentials; issuer-name is the issuer credentials name. A
 * setting not stored has its default (store_settings.h). Included by migrations.c only.
 */
"CREATE TABLE settings ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  value TEXT NOT NULL"
    ");"
