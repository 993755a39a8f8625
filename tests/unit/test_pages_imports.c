/* The coordinator's imports page: a history or a libraries and people upload goes to its
 * import, a dry run shows what would change and keeps nothing, a file refused whole is
 * marked at the field. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "web_world.h"
#include "core/banned.h"

#define TODAY "2026-03-10"

static int setup(void **state)
{
    *state = action_world_open("pages-imports");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char history[] =
    "record,email,date,title,kind,credits,category,status,sponsor,program,number\n"
    "activity,staff@example.org,2024-03-05,Weeding,workshop,2,collection-management,,,,\n"
    "activity,nobody@example.org,2024-03-05,X,workshop,1,public-services,,,,\n"
    "activity,staff@example.org,2024-03-06,<b>Y</b>,teleport,1,public-services,,,,\n";

static const char people[] =
    "library_id,library_name,library_city,library_kind,email,name,position,roles\n"
    "MT-0042,Sweet Grass Library,Big Timber,public,rita@example.org,Rita Reed,staff,learner\n"
    "MT-0042,,,,lee@example.org,Lee Learner,staff,learner;wizard\n"
    "MT-0043,,,,<b>x</b>@example.org,X,staff,learner\n";

/* Posts text (NULL: no file) as the upload of path ("/imports/history"), by person. */
static void upload_to(struct action_world *w, struct web_call *call, const char *path,
                      int64_t person, const char *text, bool dry_run)
{
    web_call_begin(call, w, "POST", path, person, TODAY);
    if (dry_run) {
        web_call_form(call, strcmp(path, "/imports/people") == 0 ? "people_dry_run" : "dry_run",
                      "1");
    }
    if (text != NULL) {
        FILE *file = tmpfile();
        assert_non_null(file);
        assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
        rewind(file);
        call->request.upload.file = file;
        call->request.upload.size = (int64_t)strlen(text);
        snprintf(call->request.upload.name, sizeof call->request.upload.name, "history.csv");
    }
    web_call_run(call);
    if (call->request.upload.file != NULL) {
        fclose(call->request.upload.file);
    }
}

/* Posts text (NULL: no file) as the history upload, by person. */
static void upload(struct action_world *w, struct web_call *call, int64_t person, const char *text,
                   bool dry_run)
{
    upload_to(w, call, "/imports/history", person, text, dry_run);
}

static void test_an_upload_imports_and_goes_to_the_import(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    upload(w, &call, w->coordinator, history, false);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/imports/1");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/imports/1", w->coordinator, TODAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "<dt>Created</dt><dd>1</dd>");
    web_call_assert_body_has(&call, "<dt>Refused</dt><dd>2</dd>");
    web_call_assert_body_has(&call, "<td>3</td><td>email: No person has this e-mail address.</td>"
                                    "<td>activity of nobody@example.org</td>");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/imports", w->coordinator, TODAY);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<a href=\"/imports/1\">Import 1</a></td><td>history</td>"
                                    "<td>history.csv</td>");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE provenance ="
                                           " 'imported'"),
                     1);
}

static void test_a_dry_run_shows_the_lines_and_keeps_nothing(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    upload(w, &call, w->coordinator, history, true);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "This was a dry run");
    web_call_assert_body_has(&call, "<dt>Created</dt><dd>1</dd>");
    web_call_assert_body_has(&call, "<td>activity of nobody@example.org</td>");
    web_call_assert_body_has(&call, "activity &quot;&lt;b&gt;Y&lt;/b&gt;&quot; on 2024-03-06");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
}

static void test_a_refused_file_is_marked_at_the_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    upload(w, &call, w->coordinator, NULL, false);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"file-error\" role=\"alert\">Choose the history file to"
                                    " upload.");
    web_call_end(&call);
    upload(w, &call, w->coordinator, "name,email\nJo,jo@example.org\n", false);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "This file was not imported, and nothing of it was kept:");
    web_call_assert_body_has(&call, "not a history file: column 1, &quot;name&quot;");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/imports/history", w->coordinator, TODAY);
    call.request.upload.too_large = true;
    web_call_run(&call);
    assert_int_equal(call.response.status, 413);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
}

static void test_only_the_coordinator_sees_the_imports(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/imports", w->director, TODAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    upload(w, &call, w->consultant, history, false);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/imports/99", w->coordinator, TODAY);
    web_call_run(&call);
    assert_int_equal(call.response.status, 404);
    web_call_end(&call);
}

/* POST /api/v1/imports/history with body as content_type, by the coordinator's token. */
static void api_upload(struct action_world *w, struct web_call *call, const char *path,
                       const char *body, const char *content_type)
{
    web_call_begin(call, w, "POST", path, w->coordinator, TODAY);
    snprintf(call->body, sizeof call->body, "%s", body);
    call->request.body = call->body;
    call->request.body_length = strlen(call->body);
    call->request.content_type = content_type;
    call->request.by_token = true;
    web_call_run(call);
}

static void test_the_api_imports_the_file_sent_as_the_body(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    api_upload(w, &call, "/api/v1/imports/history?dry_run=true", history, "text/csv");
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"import\":null,\"dry_run\":true");
    web_call_assert_body_has(&call, "\"created\":1");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
    api_upload(w, &call, "/api/v1/imports/history", history, "text/csv; charset=utf-8");
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"import\":1,\"dry_run\":false");
    web_call_assert_body_has(&call, "{\"line\":3,\"reason\":\"email: No person has this"
                                    " e-mail address.\"");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/api/v1/imports/1", w->coordinator, TODAY);
    call.request.by_token = true;
    web_call_run(&call);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "\"kind\":\"history\"");
    web_call_end(&call);
    api_upload(w, &call, "/api/v1/imports/history", "{}", "application/json");
    assert_int_equal(call.response.status, 415);
    web_call_end(&call);
    api_upload(w, &call, "/api/v1/imports/history", "name,email\n", "text/csv");
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"file\"");
    web_call_end(&call);
}

static void test_a_people_upload_imports_and_goes_to_the_import(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "GET", "/imports", w->coordinator, TODAY);
    web_call_run(&call);
    web_call_assert_body_has(&call, "action=\"/imports/people\"");
    web_call_assert_body_has(&call, "<label class=\"usa-label\" for=\"people_file\">");
    web_call_end(&call);
    upload_to(w, &call, "/imports/people", w->coordinator, people, true);
    assert_int_equal(call.response.status, 200);
    web_call_assert_body_has(&call, "This was a dry run");
    web_call_assert_body_has(&call, "<dt>Created</dt><dd>1</dd>");
    web_call_assert_body_has(&call, "&lt;b&gt;x&lt;/b&gt;@example.org at library MT-0043");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
    upload_to(w, &call, "/imports/people", w->coordinator, people, false);
    assert_int_equal(call.response.status, 303);
    assert_string_equal(call.response.location, "/imports/1");
    web_call_end(&call);
    web_call_begin(&call, w, "GET", "/imports/1", w->coordinator, TODAY);
    web_call_run(&call);
    web_call_assert_body_has(&call, "<dd>people</dd>");
    web_call_assert_body_has(&call, "<td>3</td><td>roles: There is no role &quot;wizard&quot;");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM people WHERE email ="
                                           " 'rita@example.org'"),
                     1);
}

static void test_a_refused_people_file_is_marked_at_its_field(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    upload_to(w, &call, "/imports/people", w->coordinator, NULL, false);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "id=\"people_file-error\" role=\"alert\">Choose the libraries"
                                    " and people file to upload.");
    web_call_end(&call);
    upload_to(w, &call, "/imports/people", w->coordinator, history, false);
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "not a people file: column 1, &quot;record&quot;");
    web_call_end(&call);
    upload_to(w, &call, "/imports/people", w->consultant, people, false);
    assert_int_equal(call.response.status, 403);
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM record_imports"), 0);
}

static void test_the_api_imports_people(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    api_upload(w, &call, "/api/v1/imports/people", people, "text/csv");
    assert_int_equal(call.response.status, 201);
    web_call_assert_body_has(&call, "\"created\":1");
    web_call_assert_body_has(&call, "{\"line\":3,\"reason\":\"roles: There is no role");
    web_call_end(&call);
    api_upload(w, &call, "/api/v1/imports/people", people, "text/csv");
    web_call_assert_body_has(&call, "\"unchanged\":1");
    web_call_end(&call);
    api_upload(w, &call, "/api/v1/imports/people", "{}", "application/json");
    assert_int_equal(call.response.status, 415);
    web_call_end(&call);
    api_upload(w, &call, "/api/v1/imports/people", "email\n", "text/csv");
    assert_int_equal(call.response.status, 400);
    web_call_assert_body_has(&call, "\"field\":\"file\"");
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_an_upload_imports_and_goes_to_the_import, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_shows_the_lines_and_keeps_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_refused_file_is_marked_at_the_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_sees_the_imports, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_api_imports_the_file_sent_as_the_body, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_people_upload_imports_and_goes_to_the_import, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_refused_people_file_is_marked_at_its_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_api_imports_people, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
