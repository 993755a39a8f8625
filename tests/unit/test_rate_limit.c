/* The per-address limit on public certificate checks. */
#include "helpers.h"

#include <stdlib.h>

#include "web/http/rate_limit.h"
#include "core/banned.h"

static void test_a_burst_is_allowed_then_refused_then_refilled(void **state)
{
    (void)state;
    struct rate_limit *limit = malloc(sizeof *limit);
    assert_non_null(limit);
    rate_limit_init(limit);
    int64_t retry_after = 0;
    for (int i = 0; i < RATE_LIMIT_BURST; i++) {
        assert_true(rate_limit_take(limit, "192.0.2.1", 1000, &retry_after));
    }
    assert_false(rate_limit_take(limit, "192.0.2.1", 1000, &retry_after));
    assert_true(retry_after >= 1 && retry_after <= RATE_LIMIT_REFILL_SECONDS);
    /* Another address is not held back by the first. */
    assert_true(rate_limit_take(limit, "192.0.2.2", 1000, &retry_after));
    /* One refill period later, one more. */
    assert_true(
        rate_limit_take(limit, "192.0.2.1", 1000 + RATE_LIMIT_REFILL_SECONDS, &retry_after));
    assert_false(
        rate_limit_take(limit, "192.0.2.1", 1000 + RATE_LIMIT_REFILL_SECONDS, &retry_after));
    /* Long after, a whole burst again, and no more. */
    int allowed = 0;
    for (int i = 0; i < RATE_LIMIT_BURST + 5; i++) {
        allowed += rate_limit_take(limit, "192.0.2.1", 100000, &retry_after);
    }
    assert_int_equal(allowed, RATE_LIMIT_BURST);
    rate_limit_release(limit);
    free(limit);
}

static void test_a_clock_going_back_does_not_refill(void **state)
{
    (void)state;
    struct rate_limit *limit = malloc(sizeof *limit);
    assert_non_null(limit);
    rate_limit_init(limit);
    int64_t retry_after = 0;
    for (int i = 0; i < RATE_LIMIT_BURST; i++) {
        assert_true(rate_limit_take(limit, "198.51.100.7", 5000, &retry_after));
    }
    assert_false(rate_limit_take(limit, "198.51.100.7", 10, &retry_after));
    rate_limit_release(limit);
    free(limit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_burst_is_allowed_then_refused_then_refilled),
        cmocka_unit_test(test_a_clock_going_back_does_not_refill),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
