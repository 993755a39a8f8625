/*
 * Migration 10: the server's secrets, kept in the database so that every server of one
 * database agrees on them: each a name and 32 random bytes in hex, drawn at first need
 * (store_secrets.h). "form-hmac" binds the sign-in form's token to the pre-session cookie
 * the server issued. Never audited, never shown, never in a backup's audit trail.
 * Included by migrations.c only.
 */
"CREATE TABLE server_secrets ("
    "  name TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL,"
    "  created_at TEXT NOT NULL"
    ");"
