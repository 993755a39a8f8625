#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "core/program.h"
#include "core/program_summary.h"
#include "core/banned.h"

/* A minimal valid program; tests replace one part of it with {{...}} markers. */
static const char *const valid_program =
    "{\"id\": \"test-program\", \"name\": \"Test\", \"issuer\": \"Test Library\","
    " \"total_credits\": 60, \"window_years\": 4,"
    " \"categories\": [{\"id\": \"technology\", \"name\": \"Technology\", \"minimum_credits\": 5}],"
    " \"activity_kinds\": {\"course\": {}, \"college\": {\"credits_per_semester_credit\": 4,"
    " \"credits_per_quarter_credit\": 2}, \"presenting\": {\"credits_per_hour\": 2,"
    " \"max_per_topic\": 2}, \"self-directed\": {\"minutes_per_half_credit\": 90,"
    " \"max_credits\": 20, \"must_be_planned\": true}, \"archived-webinar\":"
    " {\"max_age_years\": 1}},"
    " \"plan_required\": true, \"final_report_required\": true, \"successor\": \"test-program\"}";

/* Parses text; returns the status and the formatted error. */
static enum ct_status parse(const char *text, char *message, size_t size)
{
    struct program *program = NULL;
    struct ct_err err = {0};
    enum ct_status status = program_parse(text, strlen(text), &program, &err);
    if (status == CT_OK) {
        assert_non_null(program);
        program_free(program);
        message[0] = '\0';
    } else {
        assert_null(program);
        ct_err_format(&err, message, size);
    }
    return status;
}

/* Replaces the first occurrence of from in valid_program by to and expects an error
 * message that starts with expected. */
static void assert_rejected_edit(const char *from, const char *to, const char *expected)
{
    char text[4096];
    const char *at = strstr(valid_program, from);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - valid_program), valid_program, to,
             at + strlen(from));
    char message[1024];
    if (parse(text, message, sizeof message) != CT_ERR_INPUT) {
        fail_msg("accepted a program with %s replaced by %s", from, to);
    }
    if (strncmp(message, expected, strlen(expected)) != 0) {
        fail_msg("expected \"%s...\", got \"%s\"", expected, message);
    }
}

static void test_valid_program_decodes_every_field(void **state)
{
    (void)state;
    struct program *program = NULL;
    struct ct_err err = {0};
    assert_int_equal(program_parse(valid_program, strlen(valid_program), &program, &err), CT_OK);
    assert_string_equal(program->id, "test-program");
    assert_int_equal(program->total_halves, 120);
    assert_int_equal(program->window_years, 4);
    assert_int_equal(program->category_count, 1);
    assert_int_equal(program->categories[0].minimum_halves, 10);
    assert_true(program->kinds[ACTIVITY_KIND_COURSE].accepted);
    assert_false(program->kinds[ACTIVITY_KIND_WORKSHOP].accepted);
    assert_int_equal(program->kinds[ACTIVITY_KIND_COLLEGE].semester_credit_halves, 8);
    assert_int_equal(program->kinds[ACTIVITY_KIND_COLLEGE].quarter_credit_halves, 4);
    assert_int_equal(program->kinds[ACTIVITY_KIND_PRESENTING].credits_per_hour_halves, 4);
    assert_int_equal(program->kinds[ACTIVITY_KIND_PRESENTING].max_per_topic, 2);
    assert_int_equal(program->kinds[ACTIVITY_KIND_SELF_DIRECTED].minutes_per_half_credit, 90);
    assert_int_equal(program->kinds[ACTIVITY_KIND_SELF_DIRECTED].max_halves, 40);
    assert_true(program->kinds[ACTIVITY_KIND_SELF_DIRECTED].must_be_planned);
    assert_int_equal(program->kinds[ACTIVITY_KIND_ARCHIVED_WEBINAR].max_age_years, 1);
    assert_true(program->plan_required);
    assert_true(program->final_report_required);
    assert_string_equal(program->successor, "test-program");
    assert_int_equal(program_category_index(program, "technology"), 0);
    assert_int_equal(program_category_index(program, "nope"), -1);
    program_free(program);
}

static void test_malformed_programs_name_the_field(void **state)
{
    (void)state;
    assert_rejected_edit("\"total_credits\": 60", "\"total_credits\": 0",
                         "total_credits: not a positive multiple of 0.5");
    assert_rejected_edit("\"total_credits\": 60", "\"total_credits\": 60.25",
                         "total_credits: not a positive multiple of 0.5");
    assert_rejected_edit("\"total_credits\": 60", "\"total_credits\": \"60\"",
                         "total_credits: expected a number, found a string");
    assert_rejected_edit("\"window_years\": 4", "\"window_years\": 0",
                         "window_years: out of range");
    assert_rejected_edit("\"window_years\": 4", "\"window_years\": 4.5",
                         "window_years: expected a whole number");
    assert_rejected_edit("\"id\": \"test-program\"", "\"id\": \"Test Program\"", "id: not an id");
    assert_rejected_edit("\"successor\": \"test-program\"", "\"successor\": 7",
                         "successor: expected a string");
    assert_rejected_edit("\"course\": {}", "\"lecture\": {}",
                         "activity_kinds.lecture: unknown activity kind");
    assert_rejected_edit("\"course\": {}", "\"course\": {\"credits\": 1}",
                         "activity_kinds.course.credits: unknown field");
    assert_rejected_edit("\"max_per_topic\": 2", "\"max_per_topic\": 0",
                         "activity_kinds.presenting.max_per_topic: out of range");
    assert_rejected_edit("\"minutes_per_half_credit\": 90", "\"minutes_per_half_credit\": 0",
                         "activity_kinds.self-directed.minutes_per_half_credit: out of range");
    assert_rejected_edit("\"must_be_planned\": true", "\"must_be_planned\": 1",
                         "activity_kinds.self-directed.must_be_planned: expected true or false");
    assert_rejected_edit("\"credits_per_quarter_credit\": 2", "\"credits_per_quarter_credit\": -2",
                         "activity_kinds.college.credits_per_quarter_credit: not a positive");
    assert_rejected_edit("\"max_age_years\": 1", "\"max_age_years\": null",
                         "activity_kinds.archived-webinar.max_age_years: missing");
    assert_rejected_edit("\"minimum_credits\": 5", "\"minimum_credits\": 5.1",
                         "categories[0].minimum_credits: not a positive multiple of 0.5");
    assert_rejected_edit("\"id\": \"technology\", \"name\": \"Technology\"",
                         "\"name\": \"Technology\"", "categories[0].id: missing");
    assert_rejected_edit("\"plan_required\": true,", "", "plan_required: missing");
    assert_rejected_edit("\"window_years\": 4", "\"window_years\": 4, \"windows\": 4",
                         "windows: unknown field");
}

static void test_program_accepting_no_kind_is_refused(void **state)
{
    (void)state;
    char message[1024];
    assert_int_equal(parse("{\"id\": \"p\", \"name\": \"P\", \"issuer\": \"I\","
                           " \"total_credits\": 10, \"window_years\": 2, \"categories\": [],"
                           " \"activity_kinds\": {}}",
                           message, sizeof message),
                     CT_ERR_INPUT);
    assert_string_equal(message, "activity_kinds: accepts no kind of activity");
}

static void test_duplicate_category_ids_are_refused(void **state)
{
    (void)state;
    assert_rejected_edit("\"minimum_credits\": 5}",
                         "\"minimum_credits\": 5}, {\"id\": \"technology\","
                         " \"name\": \"Again\", \"minimum_credits\": 0}",
                         "categories[1]: duplicate category id \"technology\"");
}

static void test_not_json_or_not_an_object_is_refused(void **state)
{
    (void)state;
    char message[1024];
    assert_int_equal(parse("{\"id\": ", message, sizeof message), CT_ERR_INPUT);
    assert_non_null(strstr(message, "not valid JSON (line 1"));
    assert_int_equal(parse("[1, 2]", message, sizeof message), CT_ERR_INPUT);
    assert_string_equal(message, "expected an object, found an array");
    assert_int_equal(parse("{\"id\": \"a\", \"id\": \"b\"}", message, sizeof message),
                     CT_ERR_INPUT);
}

static void test_set_refuses_duplicates_and_checks_links(void **state)
{
    (void)state;
    struct program_set set;
    program_set_init(&set);
    struct ct_err err = {0};
    struct program *first = NULL;
    struct program *second = NULL;
    assert_int_equal(program_parse(valid_program, strlen(valid_program), &first, &err), CT_OK);
    assert_int_equal(program_parse(valid_program, strlen(valid_program), &second, &err), CT_OK);
    assert_int_equal(program_set_add(&set, first, &err), CT_OK);
    assert_int_equal(program_set_add(&set, second, &err), CT_ERR_INPUT); /* freed by add */
    assert_string_equal(err.message, "another program has the id \"test-program\"");
    assert_non_null(program_set_find(&set, "test-program"));
    assert_null(program_set_find(&set, "other"));
    assert_int_equal(program_check_links(&set, set.programs[0], &err), CT_OK);
    program_set_release(&set);
}

/* The set of valid_program with "successor" replaced by text (the successor and what
 * follows it), and a second program "other-program"; the first's links checked. */
static enum ct_status links_of(const char *replacement, char *message, size_t size)
{
    char text[4096];
    const char *from = "\"successor\": \"test-program\"";
    const char *at = strstr(valid_program, from);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - valid_program), valid_program, replacement,
             at + strlen(from));
    char other[4096];
    const char *id = strstr(valid_program, "\"test-program\"");
    snprintf(other, sizeof other, "%.*s\"other-program\"%s", (int)(id - valid_program),
             valid_program, id + strlen("\"test-program\""));
    struct program_set set;
    program_set_init(&set);
    struct ct_err err = {0};
    struct program *first = NULL;
    struct program *second = NULL;
    enum ct_status status = program_parse(text, strlen(text), &first, &err);
    if (status == CT_OK) {
        status = program_set_add(&set, first, &err);
    }
    assert_int_equal(program_parse(other, strlen(other), &second, &err), CT_OK);
    assert_int_equal(program_set_add(&set, second, &err), CT_OK);
    if (status == CT_OK) {
        status = program_check_links(&set, set.programs[0], &err);
    }
    if (status == CT_OK) {
        assert_true(program_ends_on_award(set.programs[0], "other-program"));
        assert_false(program_ends_on_award(set.programs[0], "test-program"));
    }
    ct_err_format(&err, message, size);
    program_set_release(&set);
    return status;
}

static void test_ends_on_award_names_other_programs_only(void **state)
{
    (void)state;
    char message[1024];
    assert_int_equal(links_of("\"successor\": \"test-program\", \"ends_on_award\":"
                              " [\"other-program\"]",
                              message, sizeof message),
                     CT_OK);
    assert_int_equal(links_of("\"successor\": \"test-program\", \"ends_on_award\":"
                              " [\"test-program\"]",
                              message, sizeof message),
                     CT_ERR_INPUT);
    assert_string_equal(message, "ends_on_award[0]: a program's award ends its own track already:"
                                 " \"test-program\"");
    assert_int_equal(links_of("\"successor\": \"other-program\", \"ends_on_award\":"
                              " [\"other-program\"]",
                              message, sizeof message),
                     CT_ERR_INPUT);
    assert_non_null(strstr(message, "is the successor the award starts"));
    assert_int_equal(links_of("\"successor\": \"test-program\", \"ends_on_award\": [\"nope\"]",
                              message, sizeof message),
                     CT_ERR_INPUT);
    assert_string_equal(message, "ends_on_award[0]: no program has the id \"nope\"");
    assert_int_equal(links_of("\"successor\": \"test-program\", \"ends_on_award\":"
                              " [\"other-program\", \"other-program\"]",
                              message, sizeof message),
                     CT_ERR_INPUT);
    assert_string_equal(message, "ends_on_award[1]: \"other-program\" is listed twice");
    assert_rejected_edit("\"successor\": \"test-program\"",
                         "\"successor\": \"test-program\", \"ends_on_award\": \"x\"",
                         "ends_on_award: expected an array");
}

static void test_considerations_are_questions_in_words(void **state)
{
    (void)state;
    assert_rejected_edit("\"successor\": \"test-program\"",
                         "\"successor\": \"test-program\", \"considerations\": [\"\"]",
                         "considerations[0]: expected a question");
    assert_rejected_edit("\"successor\": \"test-program\"",
                         "\"successor\": \"test-program\", \"considerations\": [3]",
                         "considerations[0]: expected a question");
    const struct program *strategic = program_set_find(test_msl_programs(), "msl-strategic");
    assert_true(strategic->consideration_count >= 5);
    assert_non_null(strstr(strategic->considerations[0], "MSL certificate"));
    for (size_t i = 0; i < test_msl_programs()->count; i++) {
        assert_int_equal(test_msl_programs()->programs[i]->ends_on_award_count, 0);
    }
}

/* The summary of program id joined in one text. */
static void summary_text(const char *id, char *out, size_t size)
{
    struct program_summary summary;
    const struct program_set *set = test_msl_programs();
    assert_int_equal(program_summary_make(program_set_find(set, id), set, &summary), CT_OK);
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < summary.count; i++) {
        used += (size_t)snprintf(out + used, size - used, "%s\n", summary.lines[i]);
    }
}

static void test_a_summary_says_what_the_program_asks_in_words(void **state)
{
    (void)state;
    char text[8192];
    summary_text("msl-staff", text, sizeof text);
    assert_non_null(strstr(text, "60 credits within 4 years"));
    assert_non_null(
        strstr(text, "At least 5 credits in Library Administration, 5 in Library Services"));
    assert_non_null(strstr(text, "1 semester credit = 4 credits, 1 quarter credit = 2 credits"));
    assert_non_null(strstr(text, "the same topic at most 2 times"));
    assert_null(strstr(text, "prior certificate"));
    assert_null(strstr(text, "Self-directed"));
    summary_text("msl-strategic", text, sizeof text);
    assert_non_null(strstr(text, "No category minimums"));
    assert_non_null(strstr(text, "Self-directed learning: 3 hours of time = 1 credit (in steps of"
                                 " 0.5), at most 20 credits, only when your plan lists it."));
    assert_non_null(strstr(text, "Needs a prior certificate: MSL Certification for Library"
                                 " Directors (initial), "));
    assert_non_null(strstr(text, "A Professional Development Plan"));
    assert_non_null(strstr(text, "A final report"));
    summary_text("msl-director-initial", text, sizeof text);
    assert_non_null(strstr(text, "At least 30 credits in Library Administration."));
    assert_non_null(strstr(text, "the next track is MSL Certification for Library Directors"
                                 " (renewal)."));
}

static void test_shipped_msl_programs_match_the_rule_book(void **state)
{
    (void)state;
    const struct program_set *set = test_msl_programs();
    assert_int_equal(set->count, 5);
    const struct program *initial = program_set_find(set, "msl-director-initial");
    const struct program *renewal = program_set_find(set, "msl-director-renewal");
    const struct program *staff = program_set_find(set, "msl-staff");
    const struct program *trustee = program_set_find(set, "msl-trustee");
    const struct program *strategic = program_set_find(set, "msl-strategic");
    assert_non_null(initial);
    assert_non_null(renewal);
    assert_non_null(staff);
    assert_non_null(trustee);
    assert_non_null(strategic);
    assert_int_equal(initial->total_halves, 120);
    assert_int_equal(trustee->total_halves, 30);
    assert_int_equal(initial->categories[program_category_index(initial, "library-administration")]
                         .minimum_halves,
                     60);
    assert_int_equal(trustee->categories[program_category_index(trustee, "library-administration")]
                         .minimum_halves,
                     20);
    for (size_t c = 0; c < staff->category_count; c++) {
        assert_int_equal(staff->categories[c].minimum_halves, 10);
    }
    assert_string_equal(initial->successor, "msl-director-renewal");
    assert_string_equal(renewal->successor, "msl-director-renewal");
    assert_string_equal(strategic->successor, "msl-strategic");
    assert_true(strategic->plan_required);
    assert_true(strategic->final_report_required);
    assert_true(strategic->kinds[ACTIVITY_KIND_SELF_DIRECTED].accepted);
    assert_false(staff->kinds[ACTIVITY_KIND_SELF_DIRECTED].accepted);
    assert_int_equal(strategic->prerequisite_count, 5);
    for (size_t i = 0; i < set->count; i++) {
        assert_int_equal(set->programs[i]->window_years, 4);
        assert_int_equal(set->programs[i]->category_count, 4);
    }
}

static void test_a_program_is_named_by_its_name_or_else_its_id(void **state)
{
    (void)state;
    const struct program_set *set = test_msl_programs();
    assert_string_equal(program_set_name(set, "msl-staff"), "MSL Certification for Library Staff");
    assert_string_equal(program_set_name(set, "withdrawn-program"), "withdrawn-program");
    assert_null(program_set_name(set, NULL));
}

static void test_a_category_is_known_when_some_program_has_it(void **state)
{
    (void)state;
    const struct program_set *set = test_msl_programs();
    assert_true(program_set_knows_category(set, "technology"));
    assert_true(program_set_knows_category(set, "library-administration"));
    assert_false(program_set_knows_category(set, "Technology"));
    assert_false(program_set_knows_category(set, "basket-weaving"));
    assert_false(program_set_knows_category(set, ""));
    assert_false(program_set_knows_category(set, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_program_decodes_every_field),
        cmocka_unit_test(test_malformed_programs_name_the_field),
        cmocka_unit_test(test_program_accepting_no_kind_is_refused),
        cmocka_unit_test(test_duplicate_category_ids_are_refused),
        cmocka_unit_test(test_not_json_or_not_an_object_is_refused),
        cmocka_unit_test(test_set_refuses_duplicates_and_checks_links),
        cmocka_unit_test(test_ends_on_award_names_other_programs_only),
        cmocka_unit_test(test_considerations_are_questions_in_words),
        cmocka_unit_test(test_a_summary_says_what_the_program_asks_in_words),
        cmocka_unit_test(test_shipped_msl_programs_match_the_rule_book),
        cmocka_unit_test(test_a_program_is_named_by_its_name_or_else_its_id),
        cmocka_unit_test(test_a_category_is_known_when_some_program_has_it),
    };
    int failures = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failures;
}
