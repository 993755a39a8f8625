/* The one rule for an address certtrack stores or links to: http:// or https://, a
 * host, no spaces or control characters, not too long. */
#include "helpers.h"

#include <string.h>

#include "core/web_address.h"
#include "core/banned.h"

static void test_the_scheme_is_http_or_https(void **state)
{
    (void)state;
    assert_int_equal(web_address_scheme_length("https://moodle.example.org"), 8);
    assert_int_equal(web_address_scheme_length("http://moodle.example.org"), 7);
    assert_int_equal(web_address_scheme_length("ftp://moodle.example.org"), 0);
    assert_int_equal(web_address_scheme_length("HTTPS://moodle.example.org"), 0);
    assert_int_equal(web_address_scheme_length("moodle.example.org"), 0);
    assert_int_equal(web_address_scheme_length(""), 0);
}

static void test_an_address_needs_a_host_and_no_space(void **state)
{
    (void)state;
    assert_true(web_address_is_valid("https://moodle.example.org/course/view.php?id=7", 2000, ""));
    assert_true(web_address_is_valid("http://a", 2000, ""));
    assert_false(web_address_is_valid("https://", 2000, ""));
    assert_false(web_address_is_valid("https:///path", 2000, ""));
    assert_false(web_address_is_valid("https://moodle.example.org/a b", 2000, ""));
    assert_false(web_address_is_valid("https://moodle.example.org/\t", 2000, ""));
    assert_false(web_address_is_valid("https://moodle.example.org/\x7f", 2000, ""));
    assert_false(web_address_is_valid("mailto:someone@example.org", 2000, ""));
}

static void test_refused_bytes_and_the_length_limit(void **state)
{
    (void)state;
    assert_false(web_address_is_valid("https://moodle.example.org/?id=7", 2000, "?#"));
    assert_false(web_address_is_valid("https://moodle.example.org/#top", 2000, "?#"));
    assert_true(web_address_is_valid("https://moodle.example.org/moodle", 2000, "?#"));
    char url[40];
    memset(url, 'a', sizeof url - 1);
    url[sizeof url - 1] = '\0';
    memcpy(url, "https://", 8);
    assert_true(web_address_is_valid(url, sizeof url - 1, ""));
    assert_false(web_address_is_valid(url, sizeof url - 2, ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_scheme_is_http_or_https),
        cmocka_unit_test(test_an_address_needs_a_host_and_no_space),
        cmocka_unit_test(test_refused_bytes_and_the_length_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
