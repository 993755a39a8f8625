/*
 * A process killed with SIGKILL in the middle of a large transaction leaves the
 * database consistent: the integrity check passes, the audit chain holds, and either
 * all of the transaction's rows are there or none.
 */
#include "helpers.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "core/banned.h"

enum { LARGE_WRITE_ROWS = 20000, KILL_AFTER_ROWS = 8000 };

static int64_t scalar(struct store *store, const char *sql)
{
    int64_t value = -1;
    struct ct_err err = {0};
    test_ok(store_exec(store, sql, NULL, 0, &value, &err), &err);
    return value;
}

/* In the child: one transaction of many activities, each with its audit entry; after
 * KILL_AFTER_ROWS rows it tells the parent (one byte on the pipe) and goes on. */
static void large_write(const char *path, int ready_fd)
{
    struct store store;
    struct ct_err err = {0};
    if (store_open(&store, path, false, test_msl_programs(), &err) != CT_OK ||
        db_begin(store.db, &err) != CT_OK) {
        _exit(3);
    }
    for (int i = 0; i < LARGE_WRITE_ROWS; i++) {
        char key[32];
        snprintf(key, sizeof key, "bulk-%d", i);
        int64_t id = 0;
        if (STORE_EXEC(&store,
                       "INSERT INTO activities (person_id, record_key, kind, date, credit_halves,"
                       " category, status, provenance, created_at) VALUES (1, ?, 'course',"
                       " '2024-01-01', 2, 'technology', 'verified', 'harvest',"
                       " '2024-01-01T00:00:00Z') RETURNING id",
                       &id, &err, DB_TEXT(key)) != CT_OK ||
            store_audit(&store, 0, ENTITY_ACTIVITY, id, "create", NULL, &err) != CT_OK) {
            _exit(4);
        }
        if (i == KILL_AFTER_ROWS && write(ready_fd, "x", 1) != 1) {
            _exit(5);
        }
    }
    (void)db_commit(store.db, &err);
    _exit(0);
}

static void test_kill_9_during_a_large_write_leaves_nothing_half_written(void **state)
{
    (void)state;
    char directory[128];
    test_scratch_directory(directory, sizeof directory, "crash");
    char path[256];
    snprintf(path, sizeof path, "%s/crash.db", directory);
    struct store store;
    struct ct_err err = {0};
    test_ok(store_open(&store, path, true, test_msl_programs(), &err), &err);
    const char *roles[] = {"learner", NULL};
    int64_t person = 0;
    test_ok(store_person_create(&store, 0,
                                &(struct person_new){"Pat", "pat@example.org", 0, 0, roles, NULL},
                                &person, &err),
            &err);
    int64_t audit_before = scalar(&store, "SELECT COUNT(*) FROM audit_log");
    store_close(&store);

    int ready[2];
    assert_int_equal(pipe(ready), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        close(ready[0]);
        large_write(path, ready[1]);
    }
    close(ready[1]);
    char byte;
    assert_int_equal(read(ready[0], &byte, 1), 1); /* the write is well under way */
    assert_int_equal(kill(child, SIGKILL), 0);
    int child_status = 0;
    assert_int_equal(waitpid(child, &child_status, 0), child);
    assert_true(WIFSIGNALED(child_status) && WTERMSIG(child_status) == SIGKILL);
    close(ready[0]);

    test_ok(store_open(&store, path, false, test_msl_programs(), &err), &err);
    test_ok(db_check_integrity(store.db, &err), &err);
    assert_int_equal(scalar(&store, "SELECT COUNT(*) FROM activities"), 0);
    assert_int_equal(scalar(&store, "SELECT COUNT(*) FROM audit_log"), audit_before);
    int64_t entries = 0;
    test_ok(audit_verify(store.db, &entries, &err), &err);
    assert_int_equal(entries, audit_before);
    /* The database is fully usable afterwards. */
    test_ok(store_person_create(&store, 0,
                                &(struct person_new){"Lee", "lee@example.org", 0, 0, roles, NULL},
                                &person, &err),
            &err);
    store_close(&store);
    assert_int_equal(test_remove_directory(directory), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_9_during_a_large_write_leaves_nothing_half_written),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
