/*
 * The migrations make one schema on both backends: every table, column by column (its
 * name, place, type and whether it may be NULL), and every index made by name. Runs in
 * the PostgreSQL run of the tests (CERTTRACK_TEST_POSTGRES, scripts/run-tests), and
 * skips, saying so, in the SQLite run.
 */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/db.h"
#include "store/db_open.h"
#include "store/migrations.h"
#include "core/banned.h"

enum { SCHEMA_TEXT_LIMIT = 1 << 20 };

/* The one word both backends' types are compared by. */
static const char *type_word(const char *type)
{
    static const char *const words[][2] = {
        {"INTEGER", "integer"}, {"bigint", "integer"},
        {"TEXT", "text"},       {"text", "text"},
        {"BLOB", "blob"},       {"bytea", "blob"},
        {"REAL", "real"},       {"double precision", "real"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(type, words[i][0]) == 0) {
            return words[i][1];
        }
    }
    return type;
}

/* Appends each row of sql (columns: table, column, type, NULL allowed) as a line. */
static void describe_rows(struct db *db, const char *sql, struct buf *out)
{
    struct db_stmt *stmt = NULL;
    struct ct_err err = {0};
    test_ok(db_prepare(db, sql, &stmt, &err), &err);
    bool has_row = false;
    for (test_ok(db_step(stmt, &has_row, &err), &err); has_row;
         test_ok(db_step(stmt, &has_row, &err), &err)) {
        int columns = db_column_count(stmt);
        for (int c = 0; c < columns; c++) {
            const char *value = db_column_text(stmt, c);
            value = value != NULL ? value : "";
            test_ok(buf_printf(out, c == 0 ? "%s" : " %s", c == 2 ? type_word(value) : value),
                    &err);
        }
        test_ok(buf_append_str(out, "\n"), &err);
    }
    db_finalize(stmt);
}

static void describe_sqlite(struct db *db, struct buf *out)
{
    describe_rows(db,
                  "SELECT m.name, c.name, c.type, CASE WHEN c.\"notnull\" = 1 OR c.pk > 0"
                  " THEN 'not-null' ELSE 'null' END FROM sqlite_master m,"
                  " pragma_table_info(m.name) c WHERE m.type = 'table'"
                  " AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid",
                  out);
    describe_rows(db,
                  "SELECT 'index', name, tbl_name FROM sqlite_master WHERE type = 'index'"
                  " AND sql IS NOT NULL ORDER BY name",
                  out);
}

static void describe_postgres(struct db *db, struct buf *out)
{
    describe_rows(db,
                  "SELECT table_name, column_name, data_type, CASE WHEN is_nullable = 'NO'"
                  " THEN 'not-null' ELSE 'null' END FROM information_schema.columns"
                  " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
                  out);
    /* The indexes made by name: those no constraint made (a key's, a UNIQUE's). */
    describe_rows(db,
                  "SELECT 'index', i.relname, t.relname FROM pg_index x"
                  " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                  " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'"
                  " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid)"
                  " ORDER BY i.relname COLLATE \"C\"",
                  out);
}

static struct db *open_migrated(const char *locator)
{
    struct db *db = NULL;
    struct ct_err err = {0};
    test_ok(db_open(locator, true, &db, &err), &err);
    test_ok(migrations_apply(db, NULL, &err), &err);
    return db;
}

static void test_both_backends_hold_the_same_schema(void **state)
{
    (void)state;
    char directory[256];
    test_scratch_directory(directory, sizeof directory, "schema-backends");
    char sqlite_path[512];
    snprintf(sqlite_path, sizeof sqlite_path, "%s/schema.db", directory);
    char postgres_uri[1024];
    test_database(postgres_uri, sizeof postgres_uri, directory, "schema");
    struct db *sqlite_db = open_migrated(sqlite_path);
    struct db *postgres_db = open_migrated(postgres_uri);
    struct buf sqlite_text;
    struct buf postgres_text;
    buf_init(&sqlite_text, SCHEMA_TEXT_LIMIT);
    buf_init(&postgres_text, SCHEMA_TEXT_LIMIT);
    describe_sqlite(sqlite_db, &sqlite_text);
    describe_postgres(postgres_db, &postgres_text);
    assert_true(sqlite_text.length > 1000);
    assert_string_equal(buf_str(&postgres_text), buf_str(&sqlite_text));
    buf_release(&sqlite_text);
    buf_release(&postgres_text);
    db_close(sqlite_db);
    db_close(postgres_db);
    assert_int_equal(test_remove_directory(directory), 0);
}

int main(void)
{
    if (!test_on_postgres()) {
        printf("1..0 # SKIP the SQLite run: this test needs CERTTRACK_TEST_POSTGRES\n");
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_both_backends_hold_the_same_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
