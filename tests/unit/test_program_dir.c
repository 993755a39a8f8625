#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/program_dir.h"
#include "core/banned.h"

/* A scratch directory per test, removed afterwards. */
struct scratch {
    char path[256];
};

static int scratch_setup(void **state)
{
    struct scratch *scratch = calloc(1, sizeof *scratch);
    test_scratch_directory(scratch->path, sizeof scratch->path, "programs");
    *state = scratch;
    return 0;
}

static int scratch_teardown(void **state)
{
    struct scratch *scratch = *state;
    int result = test_remove_directory(scratch->path);
    free(scratch);
    return result;
}

static void write_file(const struct scratch *scratch, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", scratch->path, name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    assert_int_equal(fclose(file), 0);
}

static void copy_shipped(const struct scratch *scratch, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/programs/%s", CERTTRACK_SOURCE_ROOT, name);
    FILE *file = fopen(path, "r");
    assert_non_null(file);
    char text[16384];
    size_t length = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[length] = '\0';
    write_file(scratch, name, text);
}

static enum ct_status load(const struct scratch *scratch, char *message, size_t size)
{
    struct program_set set;
    program_set_init(&set);
    struct ct_err err = {0};
    enum ct_status status = program_dir_load(scratch->path, &set, &err);
    if (status != CT_OK) {
        assert_int_equal(set.count, 0);
        ct_err_format(&err, message, size);
    }
    program_set_release(&set);
    return status;
}

static void test_shipped_directories_load(void **state)
{
    (void)state;
    assert_int_equal(test_msl_programs()->count, 5);
    assert_int_equal(test_example_programs()->count, 2);
    assert_non_null(program_set_find(test_example_programs(), "wi-director"));
    assert_non_null(program_set_find(test_example_programs(), "sd-librarian"));
}

static void test_malformed_file_is_named_with_its_field(void **state)
{
    struct scratch *scratch = *state;
    copy_shipped(scratch, "msl-trustee.json");
    write_file(scratch, "broken.json",
               "{\"id\": \"broken\", \"name\": \"B\", \"issuer\": \"I\", \"total_credits\": 10,"
               " \"window_years\": 99}");
    char message[1024];
    assert_int_equal(load(scratch, message, sizeof message), CT_ERR_INPUT);
    char expected[1024];
    snprintf(expected, sizeof expected, "%s/broken.json: window_years: out of range",
             scratch->path);
    if (strncmp(message, expected, strlen(expected)) != 0) {
        fail_msg("got \"%s\"", message);
    }
}

static void test_unknown_successor_is_refused(void **state)
{
    struct scratch *scratch = *state;
    copy_shipped(scratch, "msl-director-initial.json"); /* its successor is not copied */
    char message[1024];
    assert_int_equal(load(scratch, message, sizeof message), CT_ERR_INPUT);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "%s/msl-director-initial.json: successor: no program has the id "
             "\"msl-director-renewal\"",
             scratch->path);
    assert_string_equal(message, expected);
}

static void test_repeated_id_across_files_is_refused(void **state)
{
    struct scratch *scratch = *state;
    copy_shipped(scratch, "msl-trustee.json");
    char path[512];
    snprintf(path, sizeof path, "%s/msl-trustee.json", scratch->path);
    char copy[512];
    snprintf(copy, sizeof copy, "%s/trustee-again.json", scratch->path);
    assert_int_equal(link(path, copy), 0);
    char message[1024];
    assert_int_equal(load(scratch, message, sizeof message), CT_ERR_INPUT);
    assert_non_null(strstr(message, "trustee-again.json: id: another program has the id"));
}

static void test_empty_or_missing_directory_is_an_error(void **state)
{
    struct scratch *scratch = *state;
    write_file(scratch, "README.txt", "not a program");
    char message[1024];
    assert_int_equal(load(scratch, message, sizeof message), CT_ERR_INPUT);
    assert_non_null(strstr(message, "no program files (*.json) found"));
    struct program_set set;
    program_set_init(&set);
    struct ct_err err = {0};
    assert_int_equal(program_dir_load("/nonexistent/certtrack", &set, &err), CT_ERR_IO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_directories_load),
        cmocka_unit_test_setup_teardown(test_malformed_file_is_named_with_its_field, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_unknown_successor_is_refused, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_repeated_id_across_files_is_refused, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(test_empty_or_missing_directory_is_an_error, scratch_setup,
                                        scratch_teardown),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
