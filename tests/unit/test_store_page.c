/* A page the store is asked for becomes an SQL tail built from the list's constants
 * only, and a page past the last becomes the last. */
#include "helpers.h"

#include <string.h>

#include "store/store_page.h"
#include "core/banned.h"

enum { TITLE, LINKS, CREDITS, DATE, COLUMNS };

static const char *const order_by[COLUMNS] = {
    [TITLE] = "LOWER(e.title)",
    [LINKS] = NULL,
    [CREDITS] = "e.credit_halves",
    [DATE] = "e.starts",
};

static void test_sql_tail_is_built_from_constants(void **state)
{
    (void)state;
    struct buf sql;
    struct ct_err err = {0};
    buf_init(&sql, 1024);
    struct store_page page = {.column = DATE, .descending = true, .limit = 25, .offset = 25};
    assert_int_equal(store_page_sql(&sql, order_by, COLUMNS, "e.id", &page, &err), CT_OK);
    assert_string_equal(buf_str(&sql), " ORDER BY e.starts DESC, e.id LIMIT ? OFFSET ?");
    buf_release(&sql);
    page = (struct store_page){.column = CREDITS, .limit = 25};
    assert_int_equal(store_page_sql(&sql, order_by, COLUMNS, "e.id", &page, &err), CT_OK);
    assert_string_equal(buf_str(&sql), " ORDER BY e.credit_halves ASC, e.id LIMIT ? OFFSET ?");
    buf_release(&sql);
    page = (struct store_page){.column = TITLE, .limit = 25};
    assert_int_equal(store_page_sql(&sql, order_by, COLUMNS, NULL, &page, &err), CT_OK);
    assert_string_equal(buf_str(&sql), " ORDER BY LOWER(e.title) ASC LIMIT ? OFFSET ?");
    buf_release(&sql);
}

static void test_a_column_without_an_expression_or_past_the_table_is_refused(void **state)
{
    (void)state;
    struct buf sql;
    struct ct_err err = {0};
    buf_init(&sql, 1024);
    struct store_page page = {.column = LINKS, .limit = 25};
    assert_int_equal(store_page_sql(&sql, order_by, COLUMNS, "e.id", &page, &err), CT_ERR_INPUT);
    page.column = COLUMNS;
    assert_int_equal(store_page_sql(&sql, order_by, COLUMNS, "e.id", &page, &err), CT_ERR_INPUT);
    buf_release(&sql);
}

static void test_a_page_past_the_last_becomes_the_last(void **state)
{
    (void)state;
    struct store_page page = {.column = DATE, .limit = 25, .offset = 500};
    store_page_clamp(&page, 60);
    assert_int_equal(page.offset, 50);
    store_page_clamp(&page, 0);
    assert_int_equal(page.offset, 0);
    page.offset = 25;
    store_page_clamp(&page, 60);
    assert_int_equal(page.offset, 25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sql_tail_is_built_from_constants),
        cmocka_unit_test(test_a_column_without_an_expression_or_past_the_table_is_refused),
        cmocka_unit_test(test_a_page_past_the_last_becomes_the_last),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
