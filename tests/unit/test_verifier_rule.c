/* The verifier rule: who verifies whom at a library, from its director and board chair
 * (RULES.md), as a table of cases. */
#include "helpers.h"

#include "core/verifier_rule.h"
#include "core/banned.h"

enum { DIRECTOR = 1, STAFF = 2, CHAIR = 3, TRUSTEE_OLD = 4, TRUSTEE_NEW = 5, NOBODY = 6 };

static struct verifier_member members[] = {
    {DIRECTOR, VERIFIER_POSITION_STAFF, {0}},      {STAFF, VERIFIER_POSITION_STAFF, {0}},
    {CHAIR, VERIFIER_POSITION_TRUSTEE, {0}},       {TRUSTEE_OLD, VERIFIER_POSITION_TRUSTEE, {0}},
    {TRUSTEE_NEW, VERIFIER_POSITION_TRUSTEE, {0}}, {NOBODY, VERIFIER_POSITION_NONE, {0}},
};

static void serving(void)
{
    members[0].serving_since = test_day("2010-01-01");
    members[2].serving_since = test_day("2005-01-01");
    members[3].serving_since = test_day("2012-03-01");
    members[4].serving_since = test_day("2020-03-01");
    members[5].serving_since = civil_date_unset();
    members[1].serving_since = civil_date_unset();
}

struct rule_case {
    const char *says;
    struct verifier_officers officers;
    int64_t member;
    bool derived;
    int64_t verifier;
};

static const struct rule_case cases[] = {
    {"staff by their director", {DIRECTOR, CHAIR}, STAFF, true, DIRECTOR},
    {"the director by the board chair", {DIRECTOR, CHAIR}, DIRECTOR, true, CHAIR},
    {"a trustee by the board chair", {DIRECTOR, CHAIR}, TRUSTEE_NEW, true, CHAIR},
    {"the chair by the longest-serving other trustee", {DIRECTOR, CHAIR}, CHAIR, true, TRUSTEE_OLD},
    {"no position, no rule", {DIRECTOR, CHAIR}, NOBODY, false, 0},
    {"staff without a director: nobody yet", {0, CHAIR}, STAFF, true, 0},
    {"a trustee without a chair: nobody yet", {DIRECTOR, 0}, TRUSTEE_OLD, true, 0},
    {"the director without a chair: nobody yet", {DIRECTOR, 0}, DIRECTOR, true, 0},
    {"a trustee as chair is verified by another trustee",
     {DIRECTOR, TRUSTEE_OLD},
     TRUSTEE_OLD,
     true,
     CHAIR},
    {"a director who chairs the board: by the longest-serving trustee",
     {DIRECTOR, DIRECTOR},
     DIRECTOR,
     true,
     CHAIR},
    {"a second director without a chair: nobody yet", {STAFF, 0}, STAFF, true, 0},
};

static void test_each_case_of_the_rule(void **state)
{
    (void)state;
    serving();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct rule_case *c = &cases[i];
        const struct verifier_member *member = NULL;
        for (size_t m = 0; m < sizeof members / sizeof members[0]; m++) {
            member = members[m].id == c->member ? &members[m] : member;
        }
        struct verifier_choice choice =
            verifier_rule_choose(&c->officers, members, sizeof members / sizeof members[0], member);
        if (choice.derived != c->derived || choice.verifier_id != c->verifier) {
            fail_msg("%s: derived %d verifier %lld", c->says, choice.derived,
                     (long long)choice.verifier_id);
        }
    }
}

static void test_an_unknown_day_serves_after_a_known_one_and_ties_go_to_the_lower_id(void **state)
{
    (void)state;
    struct verifier_member board[] = {
        {10, VERIFIER_POSITION_TRUSTEE, {0}},
        {11, VERIFIER_POSITION_TRUSTEE, {0}},
        {12, VERIFIER_POSITION_TRUSTEE, {0}},
    };
    board[0].serving_since = test_day("2015-01-01");
    board[1].serving_since = civil_date_unset();
    board[2].serving_since = civil_date_unset();
    struct verifier_officers officers = {0, 10};
    assert_int_equal(verifier_rule_choose(&officers, board, 3, &board[0]).verifier_id, 11);
    /* A known day, however recent, comes before an unknown one. */
    board[2].serving_since = test_day("2025-01-01");
    assert_int_equal(verifier_rule_choose(&officers, board, 3, &board[0]).verifier_id, 12);
    board[1].serving_since = test_day("2016-01-01");
    board[2].serving_since = test_day("2014-01-01");
    assert_int_equal(verifier_rule_choose(&officers, board, 3, &board[0]).verifier_id, 12);
    board[2].serving_since = test_day("2016-01-01");
    assert_int_equal(verifier_rule_choose(&officers, board, 3, &board[0]).verifier_id, 11);
    /* A chair alone on the board has nobody. */
    assert_int_equal(verifier_rule_choose(&officers, board, 1, &board[0]).verifier_id, 0);
}

static void test_positions_are_read_by_name(void **state)
{
    (void)state;
    assert_int_equal(verifier_position_of("staff"), VERIFIER_POSITION_STAFF);
    assert_int_equal(verifier_position_of("trustee"), VERIFIER_POSITION_TRUSTEE);
    assert_int_equal(verifier_position_of(NULL), VERIFIER_POSITION_NONE);
    assert_int_equal(verifier_position_of("Staff"), VERIFIER_POSITION_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_case_of_the_rule),
        cmocka_unit_test(test_an_unknown_day_serves_after_a_known_one_and_ties_go_to_the_lower_id),
        cmocka_unit_test(test_positions_are_read_by_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
