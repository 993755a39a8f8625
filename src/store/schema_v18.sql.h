/*
 * Migration 18: forms kept across a forced sign-in. When a form arrives after its
 * session ended idle, its typed fields (never a password or the CSRF token) are kept
 * under a random token (stored as its SHA-256 hash) for a short while, so that after
 * signing in again the person goes back to what they typed (store_kept_forms.h).
 * Included by migrations.c only.
 */
"CREATE TABLE kept_forms ("
    "  token_hash TEXT PRIMARY KEY,"
    "  path TEXT NOT NULL,"
    "  fields TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL"
    ");"
