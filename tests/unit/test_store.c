/* The SQL driver, the migrations and the audit chain, on scratch SQLite files. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/db.h"
#include "store/db_sqlite.h"
#include "store/migrations.h"
#include "core/banned.h"

struct scratch {
    char directory[128];
    char path[256];
    struct db *db;
};

static int open_scratch(void **state)
{
    struct scratch *scratch = calloc(1, sizeof *scratch);
    test_scratch_directory(scratch->directory, sizeof scratch->directory, "store");
    test_database(scratch->path, sizeof scratch->path, scratch->directory, "test");
    struct ct_err err = {0};
    if (db_open_sqlite(scratch->path, true, &scratch->db, &err) != CT_OK) {
        free(scratch);
        return -1;
    }
    *state = scratch;
    return 0;
}

static int close_scratch(void **state)
{
    struct scratch *scratch = *state;
    db_close(scratch->db);
    int result = test_remove_directory(scratch->directory);
    free(scratch);
    return result;
}

static void exec_ok(struct db *db, const char *sql)
{
    struct ct_err err = {0};
    if (db_exec(db, sql, &err) != CT_OK) {
        fail_msg("%s: %s", sql, err.message);
    }
}

static int64_t query_int(struct db *db, const char *sql)
{
    struct db_stmt *stmt = NULL;
    struct ct_err err = {0};
    assert_int_equal(db_prepare(db, sql, &stmt, &err), CT_OK);
    bool has_row = false;
    assert_int_equal(db_step(stmt, &has_row, &err), CT_OK);
    assert_true(has_row);
    int64_t value = db_column_int64(stmt, 0);
    db_finalize(stmt);
    return value;
}

static void test_fresh_database_migrates_to_the_latest_version(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    int applied = -1;
    int64_t version = -1;
    assert_int_equal(migrations_current_version(scratch->db, &version, &err), CT_OK);
    assert_int_equal(version, 0);
    assert_int_equal(migrations_apply(scratch->db, &applied, &err), CT_OK);
    assert_int_equal(applied, migrations_count());
    assert_int_equal(migrations_current_version(scratch->db, &version, &err), CT_OK);
    assert_int_equal(version, migrations_latest_version());
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM sqlite_master WHERE name ="
                                            " 'activities'"),
                     1);
}

static void test_migrations_run_again_change_nothing(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    int applied = -1;
    assert_int_equal(migrations_apply(scratch->db, &applied, &err), CT_OK);
    int64_t tables = query_int(scratch->db, "SELECT COUNT(*) FROM sqlite_master");
    assert_int_equal(migrations_apply(scratch->db, &applied, &err), CT_OK);
    assert_int_equal(applied, 0);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM sqlite_master"), tables);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM schema_migrations"),
                     migrations_count());
}

static void test_database_newer_than_the_binary_is_refused(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    exec_ok(scratch->db, "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_ERR_INPUT);
    assert_non_null(strstr(err.message, "newer than this certtrack knows"));
}

static void test_a_step_missing_below_the_current_version_is_applied(void **state)
{
    /* As when two changes took neighbouring versions and the later landed first: migration
     * 7 undone and unrecorded, the database still at the latest version. */
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    exec_ok(scratch->db, "DROP INDEX certificates_status_index;"
                         "ALTER TABLE certificates DROP COLUMN status_index;"
                         "DROP INDEX audit_log_entity; DROP TABLE settings;"
                         "DELETE FROM schema_migrations WHERE version = 7");
    int applied = -1;
    assert_int_equal(migrations_apply(scratch->db, &applied, &err), CT_OK);
    assert_int_equal(applied, 1);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM sqlite_master WHERE name ="
                                            " 'settings'"),
                     1);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM schema_migrations"),
                     migrations_count());
}

static void add_person(struct db *db, const char *email)
{
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO people (name, email, email_key, created_at) VALUES ('A person',"
             " '%s', '%s', '2026-01-01T00:00:00Z')",
             email, email);
    exec_ok(db, sql);
}

static void test_each_person_gets_a_random_uuid_as_subject_id(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    add_person(scratch->db, "one@example.org");
    add_person(scratch->db, "two@example.org");
    /* A version 4 UUID in lower case: 8-4-4-4-12 hex digits, "4" and one of 8, 9, a, b. */
    assert_int_equal(query_int(scratch->db,
                               "SELECT COUNT(*) FROM people WHERE length(subject_uuid) = 36"
                               " AND subject_uuid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
                               "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f]"
                               "[0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f]"
                               "[0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
                               "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'"),
                     2);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(DISTINCT subject_uuid) FROM people"), 2);
    /* It stays when the person changes. */
    exec_ok(scratch->db, "CREATE TEMP TABLE kept AS SELECT subject_uuid FROM people WHERE id = 1;"
                         "UPDATE people SET name = 'Renamed', email = 'new@example.org' WHERE"
                         " id = 1");
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM people, kept WHERE people.id ="
                                            " 1 AND people.subject_uuid = kept.subject_uuid"),
                     1);
}

static void test_people_from_before_get_a_subject_id_too(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    /* Undo migration 9, add two people as before it, and migrate again. */
    exec_ok(scratch->db, "DROP TRIGGER people_subject_uuid; DROP INDEX people_subject_uuid;"
                         "ALTER TABLE people DROP COLUMN subject_uuid;"
                         "DELETE FROM schema_migrations WHERE version = 9");
    add_person(scratch->db, "one@example.org");
    add_person(scratch->db, "two@example.org");
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(DISTINCT subject_uuid) FROM people"
                                            " WHERE length(subject_uuid) = 36"),
                     2);
}

static void test_pragmas_are_set(void **state)
{
    struct scratch *scratch = *state;
    assert_int_equal(query_int(scratch->db, "PRAGMA foreign_keys"), 1);
    struct db_stmt *stmt = NULL;
    struct ct_err err = {0};
    assert_int_equal(db_prepare(scratch->db, "PRAGMA journal_mode", &stmt, &err), CT_OK);
    bool has_row = false;
    assert_int_equal(db_step(stmt, &has_row, &err), CT_OK);
    assert_string_equal(db_column_text(stmt, 0), "wal");
    db_finalize(stmt);
}

static void test_foreign_keys_and_checks_are_enforced(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    assert_int_equal(db_exec(scratch->db,
                             "INSERT INTO tracks (person_id, program, started, deadline, state,"
                             " state_changed_at) VALUES (42, 'msl-staff', '2024-01-01',"
                             " '2028-01-01', 'active', '2024-01-01T00:00:00Z')",
                             &err),
                     CT_ERR_IO);
    assert_non_null(strstr(err.message, "FOREIGN KEY"));
}

static void test_bound_text_is_data_never_sql(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    exec_ok(scratch->db, "CREATE TABLE notes (text TEXT)");
    struct db_stmt *stmt = NULL;
    assert_int_equal(db_prepare(scratch->db, "INSERT INTO notes (text) VALUES (?)", &stmt, &err),
                     CT_OK);
    assert_int_equal(db_bind_text(stmt, 1, "x'); DROP TABLE notes; --"), CT_OK);
    bool has_row;
    assert_int_equal(db_step(stmt, &has_row, &err), CT_OK);
    db_finalize(stmt);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM notes"), 1);
}

static void test_rollback_discards_the_transaction(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    exec_ok(scratch->db, "CREATE TABLE numbers (n INTEGER)");
    assert_int_equal(db_begin(scratch->db, &err), CT_OK);
    exec_ok(scratch->db, "INSERT INTO numbers VALUES (1)");
    db_rollback(scratch->db);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM numbers"), 0);
    db_rollback(scratch->db); /* outside a transaction: nothing happens */
}

static void test_nested_transaction_rolls_back_alone(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    exec_ok(scratch->db, "CREATE TABLE numbers (n INTEGER)");
    assert_int_equal(db_begin(scratch->db, &err), CT_OK);
    exec_ok(scratch->db, "INSERT INTO numbers VALUES (1)");
    assert_int_equal(db_begin(scratch->db, &err), CT_OK);
    exec_ok(scratch->db, "INSERT INTO numbers VALUES (2)");
    db_rollback(scratch->db);
    assert_int_equal(db_begin(scratch->db, &err), CT_OK);
    exec_ok(scratch->db, "INSERT INTO numbers VALUES (3)");
    assert_int_equal(db_commit(scratch->db, &err), CT_OK);
    assert_true(db_in_transaction(scratch->db));
    assert_int_equal(db_commit(scratch->db, &err), CT_OK);
    assert_false(db_in_transaction(scratch->db));
    assert_int_equal(query_int(scratch->db, "SELECT SUM(n) FROM numbers"), 4);
    assert_int_equal(db_commit(scratch->db, &err), CT_ERR_IO);
}

/* Migration 12 rebuilds activities, which other tables reference: the rows, their
 * references and the foreign key checks all survive it. */
static void test_the_activities_rebuild_keeps_rows_and_references(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply_until(scratch->db, 11, NULL, &err), CT_OK);
    exec_ok(scratch->db,
            "INSERT INTO people (id, name, email, email_key, created_at, subject_uuid)"
            " VALUES (1, 'A', 'a@x.org', 'a@x.org', '2026-01-01T00:00:00Z', 'u-1');"
            "INSERT INTO lms_sites (id, url, api_key, secret_hash, created_at) VALUES"
            " (1, 'https://m.example.org', 'k', 's', '2026-01-01T00:00:00Z');"
            "INSERT INTO harvest_imports (id, site_id, imported_via, imported_at, file_name,"
            " file_sha256) VALUES (1, 1, 'test', '2026-01-01T00:00:00Z', 'f', 'h');"
            "INSERT INTO activities (id, person_id, record_key, kind, title, date, credit_halves,"
            " status, provenance, created_at) VALUES (5, 1, 'a5', 'course', 'T', '2026-01-02', 2,"
            " 'verified', 'harvest', '2026-01-02T00:00:00Z');"
            "INSERT INTO harvest_provenance (activity_id, kind, import_id, raw_hash, received_at)"
            " VALUES (5, 'file', 1, 'r', '2026-01-02T00:00:00Z');");
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    assert_int_equal(query_int(scratch->db, "SELECT credit_halves FROM activities WHERE id = 5"),
                     2);
    assert_int_equal(query_int(scratch->db, "SELECT COUNT(*) FROM harvest_provenance h JOIN"
                                            " activities a ON a.id = h.activity_id"),
                     1);
    assert_int_equal(query_int(scratch->db, "PRAGMA foreign_keys"), 1);
    exec_ok(scratch->db, "UPDATE activities SET provenance = 'imported' WHERE id = 5");
    struct db_stmt *stmt = NULL;
    assert_int_equal(db_prepare(scratch->db, "DELETE FROM activities WHERE id = 5", &stmt, &err),
                     CT_OK);
    bool has_row = false;
    assert_int_not_equal(db_step(stmt, &has_row, &err), CT_OK); /* still referenced */
    db_finalize(stmt);
}

static void test_backup_is_a_consistent_copy(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    char copy[300];
    snprintf(copy, sizeof copy, "%s/copy.db", scratch->directory);
    assert_int_equal(db_backup(scratch->db, copy, &err), CT_OK);
    assert_int_equal(db_backup(scratch->db, copy, &err), CT_ERR_INPUT); /* never overwrites */
    struct db *backup = NULL;
    assert_int_equal(db_open_sqlite(copy, false, &backup, &err), CT_OK);
    assert_int_equal(db_check_integrity(backup, &err), CT_OK);
    int64_t version = 0;
    assert_int_equal(migrations_current_version(backup, &version, &err), CT_OK);
    assert_int_equal(version, migrations_latest_version());
    db_close(backup);
}

static void test_opening_a_missing_database_without_create_fails(void **state)
{
    (void)state;
    struct db *db = NULL;
    struct ct_err err = {0};
    assert_int_equal(db_open_sqlite("/tmp/certtrack-no-such-dir/x.db", false, &db, &err),
                     CT_ERR_IO);
    assert_null(db);
}

/* ---- audit ---- */

static void append_entries(struct db *db, int count)
{
    struct ct_err err = {0};
    assert_int_equal(db_begin(db, &err), CT_OK);
    for (int i = 0; i < count; i++) {
        char after[64];
        snprintf(after, sizeof after, "{\"n\": %d}", i);
        struct audit_entry entry = {7, "activities", i + 1, "create", NULL, after};
        assert_int_equal(audit_append(db, &entry, "2026-01-01T00:00:00Z", &err), CT_OK);
    }
    assert_int_equal(db_commit(db, &err), CT_OK);
}

static void assert_chain_broken_at(struct db *db, const char *expected)
{
    struct ct_err err = {0};
    int64_t entries = 0;
    assert_int_equal(audit_verify(db, &entries, &err), CT_ERR_INPUT);
    if (strstr(err.message, expected) == NULL) {
        fail_msg("expected \"%s\" in \"%s\"", expected, err.message);
    }
}

static void test_intact_chain_verifies(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    int64_t entries = -1;
    assert_int_equal(audit_verify(scratch->db, &entries, &err), CT_OK);
    assert_int_equal(entries, 0);
    append_entries(scratch->db, 5);
    assert_int_equal(audit_verify(scratch->db, &entries, &err), CT_OK);
    assert_int_equal(entries, 5);
}

static void test_edited_entry_is_found(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    append_entries(scratch->db, 5);
    exec_ok(scratch->db, "UPDATE audit_log SET after_json = '{\"n\": 99}' WHERE id = 3");
    assert_chain_broken_at(scratch->db, "entry 3 does not match");
}

static void test_edited_actor_or_time_is_found(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    append_entries(scratch->db, 4);
    exec_ok(scratch->db, "UPDATE audit_log SET actor_id = 8 WHERE id = 2");
    assert_chain_broken_at(scratch->db, "entry 2 does not match");
}

/* Every column the hash covers: an edit of any one of them breaks the chain at that
 * entry, and putting it back mends it. */
static void test_every_hashed_column_breaks_the_chain(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    append_entries(scratch->db, 5);
    exec_ok(scratch->db, "CREATE TEMP TABLE saved AS SELECT * FROM audit_log WHERE id = 3");
    static const struct {
        const char *column;
        const char *edited;
    } columns[] = {
        {"at", "'2026-01-02T00:00:00Z'"},
        {"actor_id", "8"},
        {"entity", "'tracks'"},
        {"entity_id", "99"},
        {"action", "'delete'"},
        {"before_json", "'{}'"},
        {"after_json", "'{\"n\": 99}'"},
        {"previous_hash", "'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'"},
    };
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
        char sql[256];
        snprintf(sql, sizeof sql, "UPDATE audit_log SET %s = %s WHERE id = 3", columns[i].column,
                 columns[i].edited);
        exec_ok(scratch->db, sql);
        int64_t entries = 0;
        if (audit_verify(scratch->db, &entries, &err) != CT_ERR_INPUT ||
            strstr(err.message, "entry 3") == NULL) {
            fail_msg("editing %s left the chain intact (%s)", columns[i].column, err.message);
        }
        snprintf(sql, sizeof sql, "UPDATE audit_log SET %s = (SELECT %s FROM saved) WHERE id = 3",
                 columns[i].column, columns[i].column);
        exec_ok(scratch->db, sql);
        assert_int_equal(audit_verify(scratch->db, &entries, &err), CT_OK);
    }
}

static void test_deleted_middle_entry_is_found(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    append_entries(scratch->db, 5);
    exec_ok(scratch->db, "DELETE FROM audit_log WHERE id = 2");
    assert_chain_broken_at(scratch->db, "entry 2 is missing");
}

static void test_deleted_last_entry_is_found(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    append_entries(scratch->db, 5);
    exec_ok(scratch->db, "DELETE FROM audit_log WHERE id = 5");
    assert_chain_broken_at(scratch->db, "entry 5: the chain ends at entry 4");
}

static void test_rehashed_forgery_is_found_by_the_next_entry(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    assert_int_equal(migrations_apply(scratch->db, NULL, &err), CT_OK);
    append_entries(scratch->db, 3);
    /* A forger who also rewrites the row's own hash still breaks the link to entry 2. */
    exec_ok(scratch->db, "UPDATE audit_log SET hash = 'ab' || substr(hash, 3) WHERE id = 1");
    assert_chain_broken_at(scratch->db, "entry 1 does not match");
}

int main(void)
{
#define SCRATCH_TEST(f) cmocka_unit_test_setup_teardown(f, open_scratch, close_scratch)
    const struct CMUnitTest tests[] = {
        SCRATCH_TEST(test_fresh_database_migrates_to_the_latest_version),
        SCRATCH_TEST(test_the_activities_rebuild_keeps_rows_and_references),
        SCRATCH_TEST(test_migrations_run_again_change_nothing),
        SCRATCH_TEST(test_database_newer_than_the_binary_is_refused),
        SCRATCH_TEST(test_a_step_missing_below_the_current_version_is_applied),
        SCRATCH_TEST(test_each_person_gets_a_random_uuid_as_subject_id),
        SCRATCH_TEST(test_people_from_before_get_a_subject_id_too),
        SCRATCH_TEST(test_pragmas_are_set),
        SCRATCH_TEST(test_foreign_keys_and_checks_are_enforced),
        SCRATCH_TEST(test_bound_text_is_data_never_sql),
        SCRATCH_TEST(test_rollback_discards_the_transaction),
        SCRATCH_TEST(test_nested_transaction_rolls_back_alone),
        SCRATCH_TEST(test_backup_is_a_consistent_copy),
        cmocka_unit_test(test_opening_a_missing_database_without_create_fails),
        SCRATCH_TEST(test_intact_chain_verifies),
        SCRATCH_TEST(test_edited_entry_is_found),
        SCRATCH_TEST(test_edited_actor_or_time_is_found),
        SCRATCH_TEST(test_every_hashed_column_breaks_the_chain),
        SCRATCH_TEST(test_deleted_middle_entry_is_found),
        SCRATCH_TEST(test_deleted_last_entry_is_found),
        SCRATCH_TEST(test_rehashed_forgery_is_found_by_the_next_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
