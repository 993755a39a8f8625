/* The installation's settings: defaults, checks of a public address, changes audited. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_open.h"
#include "store/store_settings.h"
#include "core/banned.h"

struct scratch {
    char directory[256];
    char path[512];
    struct store store;
};

static int open_scratch(void **state)
{
    struct scratch *scratch = calloc(1, sizeof *scratch);
    assert_non_null(scratch);
    test_scratch_directory(scratch->directory, sizeof scratch->directory, "settings");
    test_database(scratch->path, sizeof scratch->path, scratch->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&scratch->store, scratch->path, true, test_msl_programs(), &err), &err);
    *state = scratch;
    return 0;
}

static int close_scratch(void **state)
{
    struct scratch *scratch = *state;
    store_close(&scratch->store);
    int result = test_remove_directory(scratch->directory);
    free(scratch);
    return result;
}

static void test_unset_settings_have_their_defaults(void **state)
{
    struct scratch *scratch = *state;
    char value[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    test_ok(store_setting_get(&scratch->store, "public-url", value, &err), &err);
    assert_string_equal(value, STORE_DEFAULT_PUBLIC_URL);
    test_ok(store_setting_get(&scratch->store, "issuer-name", value, &err), &err);
    assert_string_equal(value, STORE_DEFAULT_ISSUER_NAME);
    assert_int_equal(store_setting_get(&scratch->store, "colour", value, &err), CT_ERR_INPUT);
}

static void test_a_public_url_loses_its_trailing_slashes_and_is_audited(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    test_ok(
        store_setting_set(&scratch->store, 0, "public-url", "https://certs.example.gov/ce//", &err),
        &err);
    test_ok(
        store_setting_set(&scratch->store, 0, "public-url", "https://certs.example.gov:8443", &err),
        &err);
    char value[STORE_SETTING_SIZE];
    test_ok(store_setting_get(&scratch->store, "public-url", value, &err), &err);
    assert_string_equal(value, "https://certs.example.gov:8443");
    int64_t entries = 0;
    test_ok(audit_verify(scratch->store.db, &entries, &err), &err);
    assert_int_equal(entries, 2);
}

static void test_what_is_not_a_public_address_is_refused(void **state)
{
    (void)state;
    const char *bad[] = {"",
                         "certs.example.gov",
                         "ftp://certs.example.gov",
                         "https://",
                         "https:///path",
                         "https://certs.example.gov/a b",
                         "https://certs.example.gov/?q=1",
                         "https://certs.example.gov/#top",
                         "https://user:secret@certs.example.gov",
                         "https://certs.example.gov/\xc3\xa9"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct ct_err err = {0};
        assert_int_equal(store_setting_check("public-url", bad[i], &err), CT_ERR_INPUT);
        assert_string_equal(err.where, "public-url");
        assert_true(err.message[0] != '\0');
    }
    struct ct_err err = {0};
    test_ok(store_setting_check("public-url", "http://127.0.0.1:8080", &err), &err);
    assert_int_equal(store_setting_check("issuer-name", "Line\nbreak", &err), CT_ERR_INPUT);
    assert_int_equal(store_setting_check("colour", "blue", &err), CT_ERR_INPUT);
}

static void test_a_refused_value_keeps_the_old_one(void **state)
{
    struct scratch *scratch = *state;
    struct ct_err err = {0};
    test_ok(store_setting_set(&scratch->store, 0, "issuer-name", "Wisconsin DPI", &err), &err);
    assert_int_equal(store_setting_set(&scratch->store, 0, "issuer-name", "", &err), CT_ERR_INPUT);
    char value[STORE_SETTING_SIZE];
    test_ok(store_setting_get(&scratch->store, "issuer-name", value, &err), &err);
    assert_string_equal(value, "Wisconsin DPI");
}

static void test_the_identity_provider_settings_are_checked(void **state)
{
    (void)state;
    struct ct_err err = {0};
    test_ok(store_setting_check("oidc-issuer", "https://msl.okta.com/oauth2/default", &err), &err);
    test_ok(store_setting_check("oidc-issuer", "http://127.0.0.1:4593/api/oidc", &err), &err);
    test_ok(store_setting_check("oidc-issuer", "http://localhost:4593/api/oidc", &err), &err);
    assert_int_equal(store_setting_check("oidc-issuer", "http://idp.example.gov", &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "oidc-issuer");
    assert_non_null(strstr(err.message, "https://"));
    assert_int_equal(store_setting_check("oidc-issuer", "http://127.0.0.1.evil.example", &err),
                     CT_ERR_INPUT);
    assert_int_equal(store_setting_check("oidc-issuer", "https://idp.example.gov?x=1", &err),
                     CT_ERR_INPUT);
    test_ok(store_setting_check("oidc-create-people", "yes", &err), &err);
    test_ok(store_setting_check("oidc-create-people", "no", &err), &err);
    assert_int_equal(store_setting_check("oidc-create-people", "maybe", &err), CT_ERR_INPUT);
    assert_string_equal(err.where, "oidc-create-people");
    /* Off until set, and set empty to turn it off; a setting with a default is never empty. */
    test_ok(store_setting_check("oidc-issuer", "", &err), &err);
    test_ok(store_setting_check("oidc-client-id", "", &err), &err);
    assert_int_equal(store_setting_check("oidc-button-label", "", &err), CT_ERR_INPUT);
    assert_int_equal(store_setting_check("oidc-create-people", "", &err), CT_ERR_INPUT);
}

static void test_the_identity_provider_is_off_until_set(void **state)
{
    struct scratch *scratch = *state;
    char value[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    test_ok(store_setting_get(&scratch->store, "oidc-issuer", value, &err), &err);
    assert_string_equal(value, "");
    test_ok(store_setting_get(&scratch->store, "oidc-create-people", value, &err), &err);
    assert_string_equal(value, "no");
    /* The issuer is kept as given, a trailing slash too: tokens must name it exactly. */
    test_ok(store_setting_set(&scratch->store, 0, "oidc-issuer", "https://idp.example.gov/", &err),
            &err);
    test_ok(store_setting_get(&scratch->store, "oidc-issuer", value, &err), &err);
    assert_string_equal(value, "https://idp.example.gov/");
    test_ok(store_setting_set(&scratch->store, 0, "oidc-issuer", "", &err), &err);
    test_ok(store_setting_get(&scratch->store, "oidc-issuer", value, &err), &err);
    assert_string_equal(value, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_unset_settings_have_their_defaults, open_scratch,
                                        close_scratch),
        cmocka_unit_test_setup_teardown(test_a_public_url_loses_its_trailing_slashes_and_is_audited,
                                        open_scratch, close_scratch),
        cmocka_unit_test(test_what_is_not_a_public_address_is_refused),
        cmocka_unit_test_setup_teardown(test_a_refused_value_keeps_the_old_one, open_scratch,
                                        close_scratch),
        cmocka_unit_test(test_the_identity_provider_settings_are_checked),
        cmocka_unit_test_setup_teardown(test_the_identity_provider_is_off_until_set, open_scratch,
                                        close_scratch),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
