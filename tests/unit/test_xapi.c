#include "helpers.h"

#include <stdbool.h>
#include <string.h>

#include "web/api/xapi.h"
#include "core/banned.h"

#define ID "0b2a7c1e-5d3f-4a6b-8c9d-0e1f2a3b4c5d"

/* Reads arguments (count of them) as POST's or PUT's query; the error's "where: message"
 * into line. */
static enum ct_status read_query(const struct web_query_argument *arguments, size_t count, bool put,
                                 const char **statement_id, char *line, size_t size)
{
    struct ct_err err = {0};
    enum ct_status status = xapi_statements_query_read(arguments, count, put, statement_id, &err);
    ct_err_format(&err, line, size);
    return status;
}

static void assert_query_refused(const struct web_query_argument *arguments, size_t count, bool put,
                                 const char *expected)
{
    const char *statement_id = NULL;
    char line[1024];
    assert_int_equal(read_query(arguments, count, put, &statement_id, line, sizeof line),
                     CT_ERR_INPUT);
    if (strncmp(line, expected, strlen(expected)) != 0) {
        print_error("expected \"%s...\", got \"%s\"\n", expected, line);
        fail();
    }
}

/* XAPI-00325 (xAPI-Communication 3.2): "An LRS rejects with error code 400 Bad Request
 * any request to a Resource which uses a parameter with differing case". */
static void test_xapi_00325_parameter_names_are_case_sensitive(void **state)
{
    (void)state;
    const struct web_query_argument put[] = {{"StatementId", ID}};
    assert_query_refused(put, 1, true, "StatementId: parameter names are case-sensitive");
    const struct web_query_argument post[] = {{"STATEMENTID", ID}};
    assert_query_refused(post, 1, false, "STATEMENTID: parameter names are case-sensitive");
    /* the right name with the wrong one beside it is refused all the same */
    const struct web_query_argument both[] = {{"statementId", ID}, {"statementid", ID}};
    assert_query_refused(both, 2, true, "statementid: parameter names are case-sensitive");
}

/* XAPI-00324 (xAPI-Communication 3.2): "An LRS rejects with error code 400 Bad Request
 * any request to a Resource which uses a parameter not recognized by the LRS". */
static void test_xapi_00324_an_unknown_parameter_is_refused(void **state)
{
    (void)state;
    const struct web_query_argument post[] = {{"method", "PUT"}};
    assert_query_refused(post, 1, false,
                         "method: not a parameter of POST /xapi/statements (it takes none)");
    const struct web_query_argument put[] = {{"statementId", ID}, {"verb", NULL}};
    assert_query_refused(put, 2, true,
                         "verb: not a parameter of PUT /xapi/statements (it takes statementId");
    struct web_query_argument many[XAPI_QUERY_ARGUMENTS_MAX];
    for (size_t i = 0; i < XAPI_QUERY_ARGUMENTS_MAX; i++) {
        many[i] = (struct web_query_argument){"statementId", ID};
    }
    assert_query_refused(many, XAPI_QUERY_ARGUMENTS_MAX + 1, true, "query: 9 parameters");
}

static void test_put_takes_statement_id_alone_and_post_takes_nothing(void **state)
{
    (void)state;
    const char *statement_id = "unset";
    char line[1024];
    const struct web_query_argument put[] = {{"statementId", ID}};
    assert_int_equal(read_query(put, 1, true, &statement_id, line, sizeof line), CT_OK);
    assert_string_equal(statement_id, ID);
    assert_int_equal(read_query(NULL, 0, false, &statement_id, line, sizeof line), CT_OK);
    assert_null(statement_id);
    assert_query_refused(put, 1, false, "statementId: POST takes no statementId");
    assert_query_refused(NULL, 0, true, "statementId: missing: PUT needs ?statementId=UUID");
    const struct web_query_argument twice[] = {{"statementId", ID}, {"statementId", ID}};
    assert_query_refused(twice, 2, true, "statementId: given twice");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xapi_00325_parameter_names_are_case_sensitive),
        cmocka_unit_test(test_xapi_00324_an_unknown_parameter_is_refused),
        cmocka_unit_test(test_put_takes_statement_id_alone_and_post_takes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
