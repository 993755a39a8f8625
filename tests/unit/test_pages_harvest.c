/* The coordinator's harvest pages, called as the server calls them, without a server:
 * they render laid out, their forms act through the harvest actions or mark the field
 * at fault, and they are the coordinator's alone. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "harvest/xapi_receive.h"
#include "harvest/xapi_statement.h"
#include "store/store_catalog.h"
#include "store/store_harvest_sites.h"
#include "core/banned.h"

#define SITE   "http://www.example.org"
#define COURSE SITE "/course/view.php?id=2"
#define TODAY  "2026-03-10"

static int setup(void **state)
{
    *state = action_world_open("pages-harvest");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static int64_t add_site(struct action_world *w)
{
    int64_t id = 0;
    struct lms_site_credentials credentials;
    struct ct_err err = {0};
    test_ok(store_harvest_site_add(&w->store, w->coordinator, SITE, "America/Denver", &id,
                                   &credentials, &err),
            &err);
    return id;
}

static int64_t add_event(struct action_world *w)
{
    struct event_new event = {"Weeding Well",         test_day("2026-01-05"),
                              test_day("2026-12-31"), "Montana State Library",
                              ACTIVITY_KIND_COURSE,   4,
                              "collection-management"};
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_event_create(&w->store, 0, &event, &id, &err), &err);
    return id;
}

/* A completion of COURSE by the site's account, waiting for its link and mapping. */
static void completion(struct action_world *w, int64_t site, const char *account)
{
    char body[1024];
    snprintf(body, sizeof body,
             "{\"actor\": {\"account\": {\"homePage\": \"" SITE "\", \"name\": \"%s\"}},"
             " \"verb\": {\"id\": \"" XAPI_VERB_COMPLETED "\"}, \"object\": {\"id\": \"" COURSE
             "\", \"definition\": {\"name\": {\"en\": \"Weeding Well, online\"},"
             " \"type\": \"https://w3id.org/xapi/cmi5/activitytype/course\"}},"
             " \"timestamp\": \"2026-03-02T10:00:00-07:00\"}",
             account);
    struct xapi_receipt receipt;
    struct ct_err err = {0};
    test_ok(xapi_receive(&w->store, site, XAPI_VERSION_1_0, body, strlen(body), NULL, 1767225600000,
                         &receipt, &err),
            &err);
    xapi_receipt_release(&receipt);
}

static void get(struct action_world *w, struct web_call *call, const char *path, int64_t person)
{
    web_call_begin(call, w, "GET", path, person, TODAY);
    web_call_run(call);
}

/* ---- the home and the sites ---- */

static void test_the_harvest_home_is_laid_out_for_the_coordinator_alone(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    get(w, &call, "/harvest", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<title>Harvest from the LMS | certtrack</title>");
    web_call_assert_body_has(&call, "<h1>Harvest from the LMS</h1>");
    web_call_assert_body_has(&call, "aria-current=\"page\"><span>Harvest</span>");
    web_call_assert_body_has(&call, "No LMS site is registered yet.");
    web_call_assert_body_has(&call, "No report has been imported yet.");
    web_call_end(&call);
    const int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        get(w, &call, "/harvest", others[i]);
        assert_int_equal(call.response.status, 403);
        web_call_end(&call);
    }
}

static void test_the_home_lists_the_sites_with_their_counts(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    completion(w, site, "1");
    struct web_call call;
    get(w, &call, "/harvest?sites_sort=zone&sites_dir=desc", w->coordinator);
    assert_int_equal(call.response.status, 200);
    char link[96];
    snprintf(link, sizeof link, "<td><a href=\"/harvest/sites/%lld\">" SITE "</a></td>",
             (long long)site);
    web_call_assert_body_has(&call, link);
    web_call_assert_body_has(&call, "<td>America/Denver</td>");
    web_call_assert_body_has(&call, "aria-sort=\"descending\"");
    web_call_assert_body_has(&call, "1 xAPI statement waits for an account link or a course"
                                    " mapping.");
    web_call_assert_body_has(&call, "Page 1 of 1 (1 site)");
    web_call_end(&call);
}

static void test_a_refused_site_marks_its_fields_and_keeps_what_was_typed(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/harvest/sites/new", w->coordinator, TODAY);
    web_call_form(&call, "url", "");
    web_call_form(&call, "time_zone", "");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "<h1>Add an LMS site</h1>");
    web_call_assert_body_has(&call, "The site was not added: fix the fields marked below.");
    web_call_assert_body_has(&call, "id=\"url-error\" role=\"alert\">Enter the site&#39;s"
                                    " address");
    web_call_assert_body_has(&call, "id=\"time_zone-error\" role=\"alert\">Choose the site");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/harvest/sites/new", w->coordinator, TODAY);
    web_call_form(&call, "url", "https://learn.example.org");
    web_call_form(&call, "time_zone", "UTC");
    web_call_form(&call, "time_zone_other", "America/Bozeman");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"time_zone_other-error\" role=\"alert\">No time zone");
    web_call_assert_body_has(&call, "value=\"https://learn.example.org\"");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_sites"), 0);
}

static void test_a_site_added_shows_its_key_and_secret_once(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/harvest/sites/new", w->coordinator, TODAY);
    web_call_form(&call, "url", "https://learn.example.org/");
    web_call_form(&call, "time_zone", "America/Denver");
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>LMS site added</h1>");
    web_call_assert_body_has(&call, "https://learn.example.org is registered, in the time zone"
                                    " America/Denver.");
    web_call_assert_body_has(&call, "<code id=\"xapi-key\">ct_");
    web_call_assert_body_has(&call, "<code id=\"xapi-secret\">");
    web_call_end(&call);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.actor_id, w->coordinator);
    assert_string_equal(seen.entity, "lms_sites");
}

static void test_the_sites_page_reconciles_and_links_an_account(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    completion(w, site, "1");
    char path[64], accounts[64];
    snprintf(path, sizeof path, "/harvest/sites/%lld", (long long)site);
    snprintf(accounts, sizeof accounts, "/harvest/sites/%lld/accounts", (long long)site);
    struct web_call call;
    get(w, &call, path, w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h1>LMS site " SITE "</h1>");
    web_call_assert_body_has(&call, "<dt>Received</dt><dd>1</dd>");
    web_call_assert_body_has(&call, "<dt>Waiting</dt><dd>1</dd>");
    web_call_assert_body_has(&call, "No account of this site is linked to a person yet.");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", accounts, w->coordinator, TODAY);
    web_call_form(&call, "account", "");
    web_call_form(&call, "email", "nobody@example.net");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The account was not linked: fix the fields marked below.");
    web_call_assert_body_has(&call, "id=\"account-error\" role=\"alert\">Enter the account name");
    web_call_assert_body_has(&call, "id=\"email-error\" role=\"alert\">No person has this e-mail"
                                    " address.");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", accounts, w->coordinator, TODAY);
    web_call_form(&call, "account", "1");
    web_call_form(&call, "email", "staff@example.org");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    char location[128];
    snprintf(location, sizeof location, "%s?done=account-linked&applied=0&credited=0", path);
    assert_string_equal(call.response.location, location);
    web_call_end(&call);
    get(w, &call, path, w->coordinator);
    web_call_assert_body_has(&call, "<td>1</td><td><a href=\"/people/");
    web_call_assert_body_has(&call, "Page 1 of 1 (1 linked account)");
    web_call_end(&call);
}

static void test_an_unknown_site_is_not_found(void **state)
{
    struct action_world *w = *state;
    const char *paths[] = {"/harvest/sites/99", "/harvest/sites/99/statements.csv",
                           "/harvest/imports/99", "/harvest/imports/99.csv"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        struct web_call call;
        get(w, &call, paths[i], w->coordinator);
        assert_int_equal(call.response.status, 404);
        web_call_assert_body_has(&call, "<h1>Page not found</h1>");
        web_call_end(&call);
    }
}

static void test_the_statements_download_as_csv(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    completion(w, site, "1");
    char path[64];
    snprintf(path, sizeof path, "/harvest/sites/%lld/statements.csv", (long long)site);
    struct web_call call;
    get(w, &call, path, w->coordinator);
    assert_int_equal(call.response.status, 200);
    assert_string_equal(call.response.content_type, "text/csv; charset=utf-8");
    web_call_assert_body_has(&call, "\"received_at\",\"statement_id\",\"version\"");
    web_call_assert_body_has(&call, ",\"1\",\"" COURSE "\",\"Weeding Well, online\",");
    web_call_assert_body_has(&call, "\"waiting\",\"\",");
    assert_null(strstr(web_call_body(&call), "<html"));
    web_call_end(&call);
}

/* ---- imports ---- */

static const char report[] = ",\"Email address\",\"Quiz\",\"\"\n"
                             "\"Sam Staff\",\"staff@example.org\",\"Completed\","
                             "\"2026-02-03 10:00:00\"\n"
                             "\"=SUM(A1)\",\"nobody@example.net\",\"Completed\","
                             "\"2026-02-03 10:00:00\"\n";

/* Posts text (NULL: no file) as the upload of site. */
static void upload(struct action_world *w, struct web_call *call, int64_t site, const char *text)
{
    web_call_begin(call, w, "POST", "/harvest/imports/new", w->coordinator, TODAY);
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)site);
    web_call_form(call, "site", id);
    if (text != NULL) {
        FILE *file = tmpfile();
        assert_non_null(file);
        assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
        rewind(file);
        call->request.upload.file = file;
        call->request.upload.size = (int64_t)strlen(text);
        snprintf(call->request.upload.name, sizeof call->request.upload.name, "progress.csv");
    }
    web_call_run(call);
    if (call->request.upload.file != NULL) {
        fclose(call->request.upload.file);
    }
}

static void test_an_upload_imports_the_report_and_goes_to_it(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t event = add_event(w);
    struct ct_err err = {0};
    test_ok(store_event_link_add(&w->store, 0, event, SITE "/course/view.php?id=3", "Quiz", &err),
            &err);
    struct web_call call;
    upload(w, &call, site, report);
    assert_int_equal(call.response.status, 303);
    int64_t import = action_world_count(w, "SELECT MAX(id) FROM harvest_imports");
    char location[64], path[64];
    snprintf(location, sizeof location, "/harvest/imports/%lld?done=imported", (long long)import);
    assert_string_equal(call.response.location, location);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM harvest_imports WHERE"
                                           " imported_via = 'web' AND rows_read = 2"),
                     1);
    snprintf(path, sizeof path, "/harvest/imports/%lld?outcome=refused", (long long)import);
    get(w, &call, path, w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "progress.csv</h1>");
    web_call_assert_body_has(&call, "<dt>Rows read</dt><dd>2</dd>");
    web_call_assert_body_has(&call, "<li>unknown learner: 1</li>");
    web_call_assert_body_has(&call, "<td>unknown learner</td><td>=SUM(A1)<br>nobody@example.net"
                                    "</td>");
    web_call_assert_body_has(&call, "<option value=\"refused\" selected=\"selected\">");
    web_call_assert_body_has(&call, "Page 1 of 1 (1 record)");
    web_call_end(&call);
    snprintf(path, sizeof path, "/harvest/imports?site=%lld", (long long)site);
    get(w, &call, path, w->coordinator);
    web_call_assert_body_has(&call, "<h1>Report imports</h1>");
    web_call_assert_body_has(&call, ">progress.csv</a></td><td>Casey Coordinator</td>");
    web_call_assert_body_has(&call, "Page 1 of 1 (1 import)");
    web_call_end(&call);
}

static void test_an_upload_without_a_file_or_site_marks_the_field(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    struct web_call call;
    upload(w, &call, site + 1, NULL);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The report was not imported: fix the fields marked below.");
    web_call_assert_body_has(&call, "id=\"site-error\" role=\"alert\">Choose the site the report"
                                    " comes from.");
    web_call_assert_body_has(&call, "id=\"file-error\" role=\"alert\">Choose the report file to"
                                    " upload.");
    web_call_end(&call);
    upload(w, &call, site, "name,score\nAda,3\n");
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"file-error\" role=\"alert\">This file was not imported,"
                                    " and nothing of it was kept:");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/harvest/imports/new", w->coordinator, TODAY);
    web_call_form(&call, "site", "1");
    call.request.upload.too_large = true;
    web_call_run(&call);
    assert_int_equal(call.response.status, 413);
    web_call_assert_body_has(&call, "id=\"file-error\" role=\"alert\">The file is larger than"
                                    " 64 MiB");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM harvest_imports"), 0);
}

/* ---- the inbox ---- */

static void test_the_inbox_links_and_maps_what_waits(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    int64_t event = add_event(w);
    completion(w, site, "1");
    struct web_call call;
    get(w, &call, "/harvest/inbox", w->coordinator);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<h3>Account 1 of " SITE "</h3>");
    web_call_assert_body_has(&call, "<dt>Address</dt><dd>" COURSE "</dd>");
    web_call_assert_body_has(&call, ">Weeding Well (course, 2026-01-05)</option>");
    web_call_end(&call);
    char site_text[24], event_text[24];
    snprintf(site_text, sizeof site_text, "%lld", (long long)site);
    snprintf(event_text, sizeof event_text, "%lld", (long long)event);
    web_call_begin(&call, w, "POST", "/harvest/inbox/accounts", w->coordinator, TODAY);
    web_call_form(&call, "site", site_text);
    web_call_form(&call, "account", "1");
    web_call_form(&call, "email", "staff@example.org");
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location,
                        "/harvest/inbox?done=account-linked&applied=0&credited=0");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/harvest/inbox/courses", w->coordinator, TODAY);
    web_call_form(&call, "url", COURSE);
    web_call_form(&call, "event", event_text);
    web_call_run(&call);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location,
                        "/harvest/inbox?done=course-mapped&applied=1&credited=1");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM xapi_statements"
                                           " WHERE state = 'credited'"),
                     1);
}

static void test_the_inbox_marks_a_refusal_at_its_group(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    completion(w, site, "1");
    struct web_call call;
    web_call_begin(&call, w, "POST", "/harvest/inbox/courses", w->coordinator, TODAY);
    web_call_form(&call, "url", COURSE);
    web_call_form(&call, "event", "");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "The address was not mapped: Choose the catalog event");
    web_call_assert_body_has(&call, "role=\"alert\">Choose the catalog event the course or"
                                    " activity counts for.</span>");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/harvest/inbox/accounts", w->coordinator, TODAY);
    web_call_form(&call, "site", "");
    web_call_form(&call, "account", "1");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "This form does not name an account of a site.");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/harvest/inbox/courses", w->coordinator, TODAY);
    web_call_form(&call, "event", "1");
    web_call_run(&call);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "This form does not name a course or activity address.");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_lms_links"), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM lms_accounts"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_the_harvest_home_is_laid_out_for_the_coordinator_alone,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_home_lists_the_sites_with_their_counts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_a_refused_site_marks_its_fields_and_keeps_what_was_typed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_site_added_shows_its_key_and_secret_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_sites_page_reconciles_and_links_an_account, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_unknown_site_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_statements_download_as_csv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_upload_imports_the_report_and_goes_to_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_upload_without_a_file_or_site_marks_the_field,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_inbox_links_and_maps_what_waits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_inbox_marks_a_refusal_at_its_group, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
