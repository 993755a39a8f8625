#include "helpers.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/banned.h"

static void test_appends_build_text(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1024);
    assert_string_equal(buf_str(&b), "");
    assert_int_equal(buf_append_str(&b, "credits: "), CT_OK);
    assert_int_equal(buf_printf(&b, "%d of %d", 12, 60), CT_OK);
    assert_int_equal(buf_append_repeat(&b, '!', 3), CT_OK);
    assert_string_equal(buf_str(&b), "credits: 12 of 60!!!");
    assert_int_equal(b.length, strlen("credits: 12 of 60!!!"));
    buf_release(&b);
    assert_string_equal(buf_str(&b), "");
}

static void test_grows_past_its_first_block(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 20);
    for (int i = 0; i < 10000; i++) {
        assert_int_equal(buf_append(&b, "abcdefgh", 8), CT_OK);
    }
    assert_int_equal(b.length, 80000);
    assert_int_equal(buf_str(&b)[79999], 'h');
    buf_release(&b);
}

static void test_limit_refuses_and_keeps_contents(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 10);
    assert_int_equal(buf_append_str(&b, "0123456789"), CT_OK);
    assert_int_equal(buf_append_str(&b, "x"), CT_ERR_TOO_LARGE);
    assert_int_equal(buf_printf(&b, "%s", "y"), CT_ERR_TOO_LARGE);
    assert_int_equal(buf_append_repeat(&b, 'z', 1), CT_ERR_TOO_LARGE);
    assert_string_equal(buf_str(&b), "0123456789");
    buf_release(&b);
}

static void test_take_hands_over_ownership(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 100);
    char *empty = buf_take(&b);
    assert_non_null(empty);
    assert_string_equal(empty, "");
    free(empty);
    assert_int_equal(buf_append_str(&b, "kept"), CT_OK);
    char *text = buf_take(&b);
    assert_string_equal(text, "kept");
    assert_string_equal(buf_str(&b), "");
    free(text);
    buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_build_text),
        cmocka_unit_test(test_grows_past_its_first_block),
        cmocka_unit_test(test_limit_refuses_and_keeps_contents),
        cmocka_unit_test(test_take_hands_over_ownership),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
