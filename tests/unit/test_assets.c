#include "helpers.h"

#include <string.h>

#include "web/http/assets.h"
#include "core/banned.h"

static void test_the_design_system_is_built_in(void **state)
{
    (void)state;
    const struct asset *css = asset_find("/assets/uswds/css/uswds.min.css");
    assert_non_null(css);
    assert_string_equal(css->content_type, "text/css; charset=utf-8");
    assert_true(css->size > 100000);
    const struct asset *script = asset_find("/assets/uswds/js/uswds.min.js");
    assert_non_null(script);
    assert_string_equal(script->content_type, "text/javascript; charset=utf-8");
    assert_non_null(asset_find("/assets/app.css"));
    assert_non_null(asset_find("/assets/claim.js"));
}

/* Every font and image the style sheet names is in the table, so no page asks for a
 * file the server does not have. */
static void test_every_url_of_the_style_sheet_is_served(void **state)
{
    (void)state;
    const struct asset *css = asset_find("/assets/uswds/css/uswds.min.css");
    assert_non_null(css);
    const char *text = (const char *)css->data;
    const char *end = text + css->size;
    size_t checked = 0;
    for (const char *at = text; at + 7 < end; at++) {
        if (memcmp(at, "url(../", 7) != 0) {
            continue;
        }
        const char *start = at + 7;
        const char *close = memchr(start, ')', (size_t)(end - start));
        assert_non_null(close);
        char path[256];
        int length = snprintf(path, sizeof path, "/assets/uswds/%.*s", (int)(close - start), start);
        assert_true(length > 0 && (size_t)length < sizeof path);
        if (strcmp(path, "/assets/uswds/img/hero.jpg") != 0) {
            if (asset_find(path) == NULL) {
                fail_msg("the style sheet names %s, which is not built in", path);
            }
            checked++;
        }
    }
    assert_true(checked >= 30);
}

static void test_only_the_table_is_served(void **state)
{
    (void)state;
    assert_null(asset_find("/assets/"));
    assert_null(asset_find("/assets/uswds"));
    assert_null(asset_find("/assets/../src/web/server.c"));
    assert_null(asset_find("/assets/uswds/css/../../../etc/passwd"));
    assert_null(asset_find("/assets/uswds/img/hero.jpg"));
    assert_null(asset_find("/login"));
    assert_null(asset_find("/assets/app.css?v=1"));
    for (size_t i = 1; i < asset_count; i++) {
        assert_true(strcmp(assets[i - 1].path, assets[i].path) < 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_design_system_is_built_in),
        cmocka_unit_test(test_every_url_of_the_style_sheet_is_served),
        cmocka_unit_test(test_only_the_table_is_served),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
