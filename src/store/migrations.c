#include "migrations.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "migrations_postgres.h"
#include "store_duplicates.h"
#include "../core/banned.h"

/* A migration: its SQL, then (optionally) work that needs C, then more SQL. */
struct migration {
    int64_t version;
    const char *name;
    const char *sql;
    enum ct_status (*run)(struct db *db, struct ct_err *err);
    const char *sql_after;
    /* Rebuilds a table that others reference (to change a CHECK): runs with the foreign
     * key checks off, as SQLite's ALTER TABLE procedure asks, and checks every reference
     * before it commits. */
    bool rebuilds_tables;
};

static const struct migration migrations[] = {
    {
        1,
        "the record of certification",
#include "schema_v1.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        2,
        "web sessions and failed log-ins",
#include "schema_v2.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        3,
        "personal API tokens",
#include "schema_v3.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        4,
        "catalog events the LMS verifies",
#include "schema_v4.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        5,
        "harvest from an LMS: sites, accounts, imports, provenance",
#include "schema_v5.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        6,
        "xAPI statements received, verbatim, with what each did for credit",
#include "schema_v6.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        7,
        "settings (the public address, the issuer's name); the audit log by entity",
#include "schema_v7.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        8,
        "one catalog event, one credit: duplicates superseded; mappings by parts",
#include "schema_v8.sql.h"
        ,
        store_duplicates_supersede_all,
#include "schema_v8_after.sql.h"
        ,
        false,
    },
    {
        9,
        "each person's random subject id, which their credentials name",
#include "schema_v9.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        10,
        "the server's secrets (the sign-in form's HMAC key), shared by every server",
#include "schema_v10.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        11,
        "libraries' kind, directory id, director and board chair; people's position, moves and "
        "merges; the mail outbox, account links, OpenID Connect sign-ins and second factors",
#include "schema_v11.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        12,
        "imported history: activities and certificates brought in from earlier records, and "
        "the reconciliation of each import",
#include "schema_v12.sql.h"
        ,
        NULL,
        NULL,
        true,
    },
    {
        13,
        "notices gathered into mail, reminders queued once, the choices people make about "
        "their mail, the relay's refusals, and one server at a time for each job",
#include "schema_v13.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        14,
        "events people register for and attend: place or online link, capacity, registration"
        " window, host, and each registration with its attendance",
#include "schema_v14.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        15,
        "the planned hours of a planned item of a development plan",
#include "schema_v15.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        16,
        "proof files kept with claimed activities, and a rejected claim corrected and sent"
        " again as a new activity that replaces it",
#include "schema_v16.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        17,
        "a catalog event may be withdrawn: withdrawn_at",
#include "schema_v17.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        18,
        "forms kept across a sign-in that the idle timeout forced",
#include "schema_v18.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        19,
        "a verified activity corrected by the CE coordinator, with the reason: the values"
        " before and after of each correction",
#include "schema_v19.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        20,
        "a summary of each track's evaluation, kept with every change and refreshed daily",
#include "schema_v20.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        21,
        "the versions of a certificate's documents, each with its own verification code and"
        " the name printed: a reissue after a name change supersedes the one before",
#include "schema_v21.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
    {
        22,
        "what a track's summary says of its next step: the first blocking code, its"
        " category, the credits still needed and the deadline",
#include "schema_v22.sql.h"
        ,
        NULL,
        NULL,
        false,
    },
};

enum { MIGRATION_COUNT = sizeof migrations / sizeof migrations[0] };

int64_t migrations_latest_version(void)
{
    return migrations[MIGRATION_COUNT - 1].version;
}

int migrations_count(void)
{
    return MIGRATION_COUNT;
}

static enum ct_status ensure_version_table(struct db *db, struct ct_err *err)
{
    /* On PostgreSQL in a transaction of its own, whose write lock makes several servers
     * starting at once make the table one after the other (two concurrent CREATE TABLE IF
     * NOT EXISTS collide there). */
    bool own = db_dialect(db) == DB_DIALECT_POSTGRES && !db_in_transaction(db);
    enum ct_status status = own ? db_begin(db, err) : CT_OK;
    if (status == CT_OK) {
        status = db_exec(db,
                         "CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "  version INTEGER PRIMARY KEY,"
                         "  name TEXT NOT NULL,"
                         "  applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                         err);
    }
    if (own && status == CT_OK) {
        status = db_commit(db, err);
    }
    if (own && status != CT_OK) {
        db_rollback(db);
    }
    return status;
}

enum ct_status migrations_current_version(struct db *db, int64_t *version, struct ct_err *err)
{
    *version = 0;
    enum ct_status status = ensure_version_table(db, err);
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status =
            db_prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &stmt, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *version = db_column_int64(stmt, 0);
    }
    db_finalize(stmt);
    return status;
}

/* Whether schema_migrations has a row for version. */
static enum ct_status migration_recorded(struct db *db, int64_t version, bool *recorded,
                                         struct ct_err *err)
{
    *recorded = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(db, "SELECT 1 FROM schema_migrations WHERE version = ?", &stmt, err);
    if (status == CT_OK) {
        status = db_bind_int64(stmt, 1, version);
    }
    if (status == CT_OK) {
        status = db_step(stmt, recorded, err);
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status record_migration(struct db *db, const struct migration *migration,
                                       struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(db, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", &stmt, err);
    if (status == CT_OK) {
        status = db_bind_int64(stmt, 1, migration->version);
    }
    if (status == CT_OK) {
        status = db_bind_text(stmt, 2, migration->name);
    }
    bool has_row;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    db_finalize(stmt);
    return status;
}

/* Runs one SQL part of a migration, in its PostgreSQL form on PostgreSQL. */
static enum ct_status exec_part(struct db *db, int64_t version, const char *sql, bool after,
                                struct ct_err *err)
{
    if (db_dialect(db) != DB_DIALECT_POSTGRES) {
        return db_exec(db, sql, err);
    }
    char *postgres_sql = NULL;
    enum ct_status status = migrations_postgres_sql(version, sql, after, &postgres_sql, err);
    if (status == CT_OK) {
        status = db_exec(db, postgres_sql, err);
    }
    free(postgres_sql);
    return status;
}

static enum ct_status apply_in_transaction(struct db *db, const struct migration *migration,
                                           struct ct_err *err)
{
    enum ct_status status = db_begin(db, err);
    if (status != CT_OK) {
        return status;
    }
    /* Another process may have applied it while this one waited for the lock. */
    bool recorded = false;
    status = migration_recorded(db, migration->version, &recorded, err);
    if (status == CT_OK && recorded) {
        return db_commit(db, err);
    }
    if (status == CT_OK) {
        status = exec_part(db, migration->version, migration->sql, false, err);
    }
    if (status == CT_OK && migration->run != NULL) {
        status = migration->run(db, err);
    }
    if (status == CT_OK && migration->sql_after != NULL) {
        status = exec_part(db, migration->version, migration->sql_after, true, err);
    }
    if (status == CT_OK && migration->rebuilds_tables) {
        status = db_check_references(db, err);
    }
    if (status == CT_OK) {
        status = record_migration(db, migration, err);
    }
    if (status == CT_OK) {
        status = db_commit(db, err);
    }
    if (status != CT_OK) {
        db_rollback(db);
        char where[64];
        snprintf(where, sizeof where, "migration %lld", (long long)migration->version);
        ct_err_prefix_where(err, where);
    }
    return status;
}

static enum ct_status apply_one(struct db *db, const struct migration *migration,
                                struct ct_err *err)
{
    if (!migration->rebuilds_tables) {
        return apply_in_transaction(db, migration, err);
    }
    enum ct_status status = db_set_reference_checks(db, false, err);
    if (status == CT_OK) {
        status = apply_in_transaction(db, migration, err);
    }
    struct ct_err restore_err;
    enum ct_status restored = db_set_reference_checks(db, true, &restore_err);
    if (status == CT_OK && restored != CT_OK) {
        *err = restore_err;
        status = restored;
    }
    return status;
}

enum ct_status migrations_apply(struct db *db, int *applied, struct ct_err *err)
{
    return migrations_apply_until(db, migrations_latest_version(), applied, err);
}

enum ct_status migrations_apply_until(struct db *db, int64_t last, int *applied, struct ct_err *err)
{
    if (applied != NULL) {
        *applied = 0;
    }
    int64_t current = 0;
    enum ct_status status = migrations_current_version(db, &current, err);
    if (status != CT_OK) {
        return status;
    }
    if (current > migrations_latest_version()) {
        return ct_err_set(err, CT_ERR_INPUT, "database",
                          "schema version %lld is newer than this certtrack knows (%lld): "
                          "upgrade certtrack",
                          (long long)current, (long long)migrations_latest_version());
    }
    for (size_t i = 0; i < MIGRATION_COUNT && status == CT_OK; i++) {
        if (migrations[i].version > last) {
            continue;
        }
        bool recorded = false;
        status = migration_recorded(db, migrations[i].version, &recorded, err);
        if (status != CT_OK || recorded) {
            continue;
        }
        status = apply_one(db, &migrations[i], err);
        if (status == CT_OK && applied != NULL) {
            (*applied)++;
        }
    }
    return status;
}
