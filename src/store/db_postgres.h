/*
 * db_postgres: the PostgreSQL backend of db.h, through libpq.
 *
 * Semantics kept from SQLite, so that callers write one SQL and one flow for both:
 *  - one writer at a time: db_begin takes a transaction-scoped advisory lock
 *    (DB_POSTGRES_WRITE_LOCK) that every certtrack server asks for, and a write made
 *    outside a transaction takes it too; readers never wait for it. So the audit chain,
 *    the certificate numbers and the status-list indexes are appended one change at a
 *    time however many servers share the database, as they are with SQLite's write lock.
 *  - a failed statement undoes only itself: inside a transaction each statement runs
 *    under its own savepoint, so that a refused insert leaves the transaction usable.
 *  - errors: a constraint violation is CT_ERR_INPUT; a serialization failure or a
 *    deadlock, and a lost connection, are CT_ERR_IO with messages that say so; a lost
 *    connection is opened again before the next statement outside a transaction.
 * A connection serves one thread at a time, as with SQLite (each server thread opens its
 * own: the pool of connections is the server's pool of threads).
 */
#ifndef CERTTRACK_DB_POSTGRES_H
#define CERTTRACK_DB_POSTGRES_H

#include "db.h"

/* The advisory lock key every writer takes: "cert" in ASCII. */
#define DB_POSTGRES_WRITE_LOCK 0x63657274

/* Connects to the database a libpq connection URI names ("postgresql://user@host:port/
 * name?options"; "postgresql:" alone reads the PG* environment variables), sets the
 * session's time zone to UTC and its messages to warnings and above. The caller closes
 * it with db_close. */
enum ct_status db_open_postgres(const char *uri, struct db **out, struct ct_err *err) CT_MUST_CHECK;

#endif
