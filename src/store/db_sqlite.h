/*
 * db_sqlite: the SQLite backend of db.h, the only one so far.
 *
 * Everything but opening is the interface of db.h, the same for every backend; a
 * connection is opened by its backend's own function, declared in its own header.
 */
#ifndef CERTTRACK_DB_SQLITE_H
#define CERTTRACK_DB_SQLITE_H

#include <stdbool.h>

#include "db.h"

/* Opens (creating when create is true) the SQLite database at path, with WAL, foreign
 * keys on and a busy timeout. The caller closes it with db_close. */
enum ct_status db_open_sqlite(const char *path, bool create, struct db **out,
                              struct ct_err *err) CT_MUST_CHECK;

#endif
