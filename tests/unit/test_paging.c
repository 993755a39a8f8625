/* Lists a page at a time: the query is read safely into the page the store is asked
 * for, and the table head and the pagination nav link to the other pages and orders. */
#include "helpers.h"

#include <string.h>

#include "web/html/paging.h"
#include "core/banned.h"

static const struct paging_column columns[] = {
    {"title", "Title", false},
    {NULL, "LMS courses", false},
    {"credits", "Credits", true},
    {"date", "Date", false},
};

static const struct paging_list events = {columns, 4, 3, true, 25, "events", "event"};

static void test_good_values_are_read(void **state)
{
    (void)state;
    struct paging paging;
    paging_parse(&paging, &events, "/catalog", "3", "credits", "asc");
    assert_int_equal(paging.page, 3);
    assert_int_equal(paging.column, 2);
    assert_false(paging.descending);
    assert_string_equal(paging.path, "/catalog");
    paging_parse(&paging, &events, "/catalog", "1", "title", "desc");
    assert_int_equal(paging.column, 0);
    assert_true(paging.descending);
}

static void test_bad_values_fall_back_to_the_defaults(void **state)
{
    (void)state;
    static const char *const bad_pages[] = {"",   "0",    "-1",       "+2",      "2x", "1.5",
                                            " 2", "0x10", "99999999", "1000001", "abc"};
    struct paging paging;
    for (size_t i = 0; i < sizeof bad_pages / sizeof bad_pages[0]; i++) {
        paging_parse(&paging, &events, "/catalog", bad_pages[i], NULL, NULL);
        assert_int_equal(paging.page, 1);
    }
    paging_parse(&paging, &events, "/catalog", NULL, NULL, NULL);
    assert_int_equal(paging.page, 1);
    assert_int_equal(paging.column, 3);
    assert_true(paging.descending);
    /* Unknown keys, a column that does not sort, SQL: the default column. */
    static const char *const bad_sorts[] = {"nope", "LMS courses", "e.id; DROP TABLE events", "",
                                            "TITLE"};
    for (size_t i = 0; i < sizeof bad_sorts / sizeof bad_sorts[0]; i++) {
        paging_parse(&paging, &events, "/catalog", "2", bad_sorts[i], "sideways");
        assert_int_equal(paging.column, 3);
        assert_true(paging.descending);
        assert_int_equal(paging.page, 2);
    }
    /* Another column without a direction sorts upwards. */
    paging_parse(&paging, &events, "/catalog", NULL, "title", "DESC");
    assert_int_equal(paging.column, 0);
    assert_false(paging.descending);
    paging_parse(&paging, &events, "not a path", NULL, NULL, NULL);
    assert_string_equal(paging.path, "/");
}

static void test_the_total_fixes_the_page_count_and_the_last_page(void **state)
{
    (void)state;
    struct paging paging;
    paging_parse(&paging, &events, "/catalog", "7", NULL, NULL);
    paging_set_total(&paging, 51);
    assert_int_equal(paging.pages, 3);
    assert_int_equal(paging.page, 3);
    assert_int_equal(paging_offset(&paging), 50);
    paging_parse(&paging, &events, "/catalog", "2", NULL, NULL);
    paging_set_total(&paging, 0);
    assert_int_equal(paging.pages, 1);
    assert_int_equal(paging.page, 1);
    assert_int_equal(paging_offset(&paging), 0);
    paging_parse(&paging, &events, "/catalog", "2", NULL, NULL);
    paging_set_total(&paging, 50);
    assert_int_equal(paging.pages, 2);
    assert_int_equal(paging_offset(&paging), 25);
}

static void test_the_page_asked_of_the_store_comes_from_the_list(void **state)
{
    (void)state;
    struct paging paging;
    paging_parse(&paging, &events, "/catalog", "2", "title' OR 1=1 --", "desc");
    struct store_page page = paging_page(&paging);
    assert_int_equal(page.column, 3);
    assert_true(page.descending);
    assert_int_equal(page.limit, 25);
    assert_int_equal(page.offset, 25);
    paging_parse(&paging, &events, "/catalog", "1", "credits", "asc");
    page = paging_page(&paging);
    assert_int_equal(page.column, 2);
    assert_false(page.descending);
    assert_int_equal(page.offset, 0);
}

/* The writers through an HTML writer on out, giving its status. */
static enum ct_status head_of(struct buf *out, const struct paging *paging)
{
    struct html h;
    html_start(&h, out);
    paging_write_head(&h, paging);
    return html_status(&h);
}

static enum ct_status nav_of(struct buf *out, const struct paging *paging)
{
    struct html h;
    html_start(&h, out);
    paging_write_nav(&h, paging);
    return html_status(&h);
}

static void test_headers_link_to_each_order_and_mark_the_sorted_one(void **state)
{
    (void)state;
    struct paging paging;
    struct buf out;
    buf_init(&out, 8192);
    paging_parse(&paging, &events, "/catalog", "2", "title", "asc");
    paging_keep(&paging, "q", "Tom & Jerry's \"best\"");
    paging_keep(&paging, "empty", "");
    assert_int_equal(head_of(&out, &paging), CT_OK);
    const char *html = buf_str(&out);
    /* The sorted column: aria-sort, an arrow, and a link to the other direction. */
    assert_non_null(strstr(html, "<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/catalog?"
                                 "q=Tom%20%26%20Jerry%27s%20%22best%22&amp;sort=title&amp;dir=desc"
                                 "&amp;page=1\">Title <span aria-hidden=\"true\">\u25B2</span>"
                                 "</a></th>"));
    /* A column that does not sort is a plain heading. */
    assert_non_null(strstr(html, "<th scope=\"col\">LMS courses</th>"));
    /* Another column: upwards, from page 1, no aria-sort. */
    assert_non_null(strstr(html, "<th scope=\"col\" class=\"number\"><a href=\"/catalog?q=Tom%20"
                                 "%26%20Jerry%27s%20%22best%22&amp;sort=credits&amp;dir=asc&amp;"
                                 "page=1\">Credits</a></th>"));
    assert_null(strstr(html, "empty="));
    assert_int_equal(strstr(html, "aria-sort") - html, strstr(html, "aria-sort=\"asc") - html);
    buf_release(&out);
}

static void test_the_sorted_column_going_down_shows_a_down_arrow(void **state)
{
    (void)state;
    struct paging paging;
    struct buf out;
    buf_init(&out, 8192);
    paging_parse(&paging, &events, "/catalog", NULL, NULL, NULL);
    assert_int_equal(head_of(&out, &paging), CT_OK);
    assert_non_null(strstr(buf_str(&out), "aria-sort=\"descending\"><a href=\"/catalog?sort=date"
                                          "&amp;dir=asc&amp;page=1\">Date <span aria-hidden="
                                          "\"true\">\u25BC</span>"));
    buf_release(&out);
}

static void test_nav_has_previous_and_next_and_keeps_the_parameters(void **state)
{
    (void)state;
    struct paging paging;
    struct buf out;
    buf_init(&out, 8192);
    paging_parse(&paging, &events, "/libraries/12", "2", "credits", "desc");
    paging_keep(&paging, "status", "in-progress");
    paging_set_total(&paging, 60);
    assert_int_equal(nav_of(&out, &paging), CT_OK);
    const char *html = buf_str(&out);
    assert_non_null(strstr(html, "<nav aria-label=\"Pagination\" class=\"usa-pagination\">"));
    assert_non_null(strstr(html, "href=\"/libraries/12?status=in-progress&amp;sort=credits&amp;"
                                 "dir=desc&amp;page=1\" aria-label=\"Previous page\">"));
    assert_non_null(strstr(html, "href=\"/libraries/12?status=in-progress&amp;sort=credits&amp;"
                                 "dir=desc&amp;page=3\" aria-label=\"Next page\">"));
    assert_non_null(strstr(html, "aria-current=\"page\">Page 2 of 3 (60 events)</span>"));
    buf_release(&out);
}

static void test_nav_on_the_only_page_has_no_links(void **state)
{
    (void)state;
    struct paging paging;
    struct buf out;
    buf_init(&out, 8192);
    paging_parse(&paging, &events, "/catalog", "4", NULL, NULL);
    paging_set_total(&paging, 3);
    assert_int_equal(nav_of(&out, &paging), CT_OK);
    assert_null(strstr(buf_str(&out), "href="));
    assert_non_null(strstr(buf_str(&out), "Page 1 of 1 (3 events)"));
    buf_release(&out);
}

/* One row is named in the singular, none and many in the plural. */
static void test_nav_counts_one_row_in_the_singular(void **state)
{
    (void)state;
    static const int64_t totals[] = {0, 1, 2};
    static const char *const texts[] = {"(0 events)", "(1 event)", "(2 events)"};
    for (size_t i = 0; i < 3; i++) {
        struct paging paging;
        struct buf out;
        buf_init(&out, 8192);
        paging_parse(&paging, &events, "/catalog", "1", NULL, NULL);
        paging_set_total(&paging, totals[i]);
        assert_int_equal(nav_of(&out, &paging), CT_OK);
        assert_non_null(strstr(buf_str(&out), texts[i]));
        buf_release(&out);
    }
}

static void test_keeps_at_most_the_limit_of_parameters(void **state)
{
    (void)state;
    struct paging paging;
    paging_parse(&paging, &events, "/catalog", NULL, NULL, NULL);
    for (int i = 0; i < PAGING_MAX_KEPT + 2; i++) {
        paging_keep(&paging, "a", "b");
    }
    assert_int_equal(paging.kept_count, PAGING_MAX_KEPT);
}

static void test_cells_escape_their_text(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out, 1024);
    struct html h;
    html_start(&h, &out);
    paging_write_link_cell(&h, "/people/", 42, "O'Brien <x>");
    paging_write_cell(&h, "2.5", true);
    paging_write_cell(&h, NULL, false);
    assert_int_equal(html_status(&h), CT_OK);
    assert_string_equal(buf_str(&out), "<td><a href=\"/people/42\">O&#39;Brien &lt;x&gt;</a></td>"
                                       "<td class=\"number\">2.5</td><td></td>");
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_values_are_read),
        cmocka_unit_test(test_bad_values_fall_back_to_the_defaults),
        cmocka_unit_test(test_the_total_fixes_the_page_count_and_the_last_page),
        cmocka_unit_test(test_the_page_asked_of_the_store_comes_from_the_list),
        cmocka_unit_test(test_headers_link_to_each_order_and_mark_the_sorted_one),
        cmocka_unit_test(test_the_sorted_column_going_down_shows_a_down_arrow),
        cmocka_unit_test(test_nav_has_previous_and_next_and_keeps_the_parameters),
        cmocka_unit_test(test_nav_on_the_only_page_has_no_links),
        cmocka_unit_test(test_nav_counts_one_row_in_the_singular),
        cmocka_unit_test(test_keeps_at_most_the_limit_of_parameters),
        cmocka_unit_test(test_cells_escape_their_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
