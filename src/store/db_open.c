/*
 * db_open: a locator to a connection of the right backend.
 */
#include "db_open.h"

#include <string.h>

#include "db_postgres.h"
#include "db_sqlite.h"
#include "../core/banned.h"

static bool has_prefix(const char *text, const char *prefix)
{
    return strncmp(text, prefix, strlen(prefix)) == 0;
}

bool db_locator_is_postgres(const char *locator)
{
    return has_prefix(locator, "postgresql:") || has_prefix(locator, "postgres:");
}

const char *db_locator_sqlite_path(const char *locator)
{
    return has_prefix(locator, "sqlite:") ? locator + strlen("sqlite:") : locator;
}

enum ct_status db_open(const char *locator, bool create, struct db **out, struct ct_err *err)
{
    if (db_locator_is_postgres(locator)) {
        return db_open_postgres(locator, out, err);
    }
    return db_open_sqlite(db_locator_sqlite_path(locator), create, out, err);
}
