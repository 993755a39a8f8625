/* The roster's and the harvest's forms refused, called as the server calls them: the
 * error summary at the top (role=alert) links to every bad field, and to every line of a
 * roster file at fault, in the form's order; each bad field is marked (aria-invalid,
 * aria-describedby its message) and what was typed or ticked is kept. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "actions/catalog.h"
#include "actions/events.h"
#include "store/store_harvest_sites.h"
#include "web_world.h"
#include "core/banned.h"

#define TODAY "2026-07-01"

static int setup(void **state)
{
    *state = action_world_open("pages-roster-harvest-forms");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* Whether first comes before second in the body (both must be there). */
static bool before(const struct web_call *call, const char *first, const char *second)
{
    const char *a = strstr(web_call_body(call), first);
    const char *b = strstr(web_call_body(call), second);
    if (a == NULL || b == NULL) {
        fail_msg("no \"%s\" or no \"%s\" in:\n%s", first, second, web_call_body(call));
    }
    return a < b;
}

/* The summary is there with status, headed heading, each of links in order after it. */
static void assert_summary(const struct web_call *call, unsigned status, const char *heading,
                           const char *const *links, size_t count)
{
    assert_int_equal(call->response.status, status);
    web_call_assert_body_has(call, "id=\"error-summary\" role=\"alert\"");
    web_call_assert_body_has(call, heading);
    const char *previous = "id=\"error-summary\"";
    for (size_t i = 0; i < count; i++) {
        assert_true(before(call, previous, links[i]));
        previous = links[i];
    }
}

/* ---- the roster ---- */

/* An event starting on starts that the director hosts, staff registered for it. */
static int64_t add_event(struct action_world *w, const char *starts)
{
    char host[32];
    snprintf(host, sizeof host, "%lld", (long long)w->director);
    struct catalog_event_input input = {.title = "Story Time Skills",
                                        .kind = "workshop",
                                        .starts = starts,
                                        .sponsor = "MSL",
                                        .credits = "2",
                                        .category = "collection-management",
                                        .host = host};
    struct actor actor = action_world_actor(w, w->coordinator, "2026-06-01");
    struct catalog_event_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_catalog_event_add(&w->store, &actor, &input, &result, &outcome),
                       &outcome);
    struct actor learner = action_world_actor(w, w->learner, "2026-06-02");
    struct event_register_input registration = {result.id};
    struct event_register_result registered;
    action_outcome_init(&outcome);
    action_assert_done(
        action_event_register(&w->store, &learner, &registration, &registered, &outcome), &outcome);
    return result.id;
}

/* Posts text (NULL: no file) as the director's roster file of event. */
static void upload(struct action_world *w, struct web_call *call, int64_t event, const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "/catalog/events/%lld/roster/upload", (long long)event);
    web_call_begin(call, w, "POST", path, w->director, TODAY);
    if (text != NULL) {
        FILE *file = tmpfile();
        assert_non_null(file);
        assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
        rewind(file);
        call->request.upload.file = file;
        call->request.upload.size = (int64_t)strlen(text);
        snprintf(call->request.upload.name, sizeof call->request.upload.name, "roster.csv");
    }
    web_call_run(call);
    if (call->request.upload.file != NULL) {
        fclose(call->request.upload.file);
    }
}

static void assert_file_marked(const struct web_call *call, const char *message)
{
    char error[200];
    snprintf(error, sizeof error, "id=\"file-error\" role=\"alert\">%s", message);
    web_call_assert_body_has(call, error);
    web_call_assert_body_has(call, "name=\"file\" required aria-describedby=\"file-hint"
                                   " file-error\" aria-invalid=\"true\" type=\"file\"");
    assert_true(before(call, "id=\"error-summary\"", "<form class=\"usa-form\""));
}

static void test_a_roster_file_refused_names_the_file_and_each_line_at_fault(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "2026-06-15");
    struct web_call call;
    upload(w, &call, event, "email,name\nstaff@example.org,S\nnobody@example.org,N\n,Empty\n");
    const char *const links[] = {
        "href=\"#file\">Roster file: 2 lines of the file cannot be taken: nothing was recorded.",
        "href=\"#line-3\">Line 3: No one has this e-mail address or person id.",
        "href=\"#line-4\">Line 4: The line gives no e-mail address and no person id."};
    assert_summary(&call, 400, "Nothing was recorded: fix the lines marked below.", links, 3);
    assert_file_marked(&call, "2 lines of the file cannot be taken");
    web_call_assert_body_has(&call, "<tr id=\"line-3\" tabindex=\"-1\"><td>3</td>"
                                    "<td>nobody@example.org</td><td></td><td>At fault: No one");
    web_call_assert_body_has(&call, "<tr id=\"line-4\" tabindex=\"-1\"><td>4</td>");
    web_call_assert_body_has(&call, "<tr><td>2</td><td>staff@example.org</td>");
    assert_null(strstr(web_call_body(&call), "href=\"#line-2\""));
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM event_registrations"
                                           " WHERE attended = 1"),
                     0);
}

static void test_a_roster_file_without_its_column_or_any_file_marks_the_field(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "2026-06-15");
    struct web_call call;
    upload(w, &call, event, "name\nstaff@example.org\n");
    const char *const links[] = {"href=\"#file\">Roster file: "};
    assert_summary(&call, 400, "Nothing was recorded: fix the field marked below.", links, 1);
    web_call_assert_body_has(&call, "must name an");
    assert_null(strstr(web_call_body(&call), "href=\"#line-"));
    web_call_end(&call);
    upload(w, &call, event, NULL);
    assert_summary(&call, 400, "Nothing was recorded: fix the field marked below.", links, 1);
    assert_file_marked(&call, "Choose the roster&#39;s CSV file.");
    web_call_end(&call);
    char path[64];
    snprintf(path, sizeof path, "/catalog/events/%lld/roster/upload", (long long)event);
    web_call_begin(&call, w, "POST", path, w->director, TODAY);
    call.request.upload.too_large = true;
    web_call_run(&call);
    assert_summary(&call, 413, "Nothing was recorded", links, 1);
    assert_file_marked(&call, "The file is too large to upload");
    web_call_end(&call);
}

static void test_attendance_ticked_before_the_first_day_is_refused_with_the_ticks_kept(void **state)
{
    struct action_world *w = *state;
    int64_t event = add_event(w, "2026-07-20");
    int64_t registration =
        action_world_count(w, "SELECT id FROM event_registrations WHERE attended = 0");
    char path[64], tick[48];
    snprintf(path, sizeof path, "/catalog/events/%lld/roster", (long long)event);
    snprintf(tick, sizeof tick, "attended-%lld", (long long)registration);
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->director, TODAY);
    web_call_form(&call, tick, "1");
    web_call_run(&call);
    const char *const links[] = {"<li>Attendance is recorded from the event&#39;s first day.</li>"};
    assert_summary(&call, 409, "Attendance was not recorded.", links, 1);
    char kept[160];
    snprintf(kept, sizeof kept, "id=\"%s\" name=\"%s\" value=\"1\" checked>", tick, tick);
    web_call_assert_body_has(&call, kept);
    web_call_assert_body_has(&call, "<h1>Event roster</h1>");
    web_call_end(&call);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities"), 0);
}

/* ---- the harvest ---- */

static void test_a_site_refused_for_both_fields_names_both(void **state)
{
    struct action_world *w = *state;
    struct web_call call;
    web_call_begin(&call, w, "POST", "/harvest/sites/new", w->coordinator, TODAY);
    web_call_form(&call, "url", "");
    web_call_form(&call, "time_zone", "");
    web_call_run(&call);
    const char *const links[] = {"href=\"#url\">Address: Enter the site",
                                 "href=\"#time_zone\">Time zone: Choose the site"};
    assert_summary(&call, 400, "The site was not added: fix the fields marked below.", links, 2);
    web_call_assert_body_has(&call,
                             "aria-describedby=\"url-hint url-error\" aria-invalid=\"true\"");
    web_call_assert_body_has(&call, "aria-describedby=\"time_zone-hint time_zone-error\""
                                    " aria-invalid=\"true\"");
    web_call_end(&call);
    web_call_begin(&call, w, "POST", "/harvest/sites/new", w->coordinator, TODAY);
    web_call_form(&call, "url", "https://learn.example.org");
    web_call_form(&call, "time_zone", "UTC");
    web_call_form(&call, "time_zone_other", "America/Bozeman");
    web_call_run(&call);
    const char *const other[] = {"href=\"#time_zone_other\">Another time zone: No time zone"};
    assert_summary(&call, 400, "The site was not added: fix the field marked below.", other, 1);
    web_call_assert_body_has(&call, "aria-describedby=\"time_zone_other-hint"
                                    " time_zone_other-error\" aria-invalid=\"true\"");
    web_call_assert_body_has(&call, "value=\"https://learn.example.org\"");
    web_call_assert_body_has(&call, "value=\"America/Bozeman\"");
    web_call_end(&call);
}

static int64_t add_site(struct action_world *w)
{
    int64_t id = 0;
    struct lms_site_credentials credentials;
    struct ct_err err = {0};
    test_ok(store_harvest_site_add(&w->store, w->coordinator, "http://www.example.org",
                                   "America/Denver", &id, &credentials, &err),
            &err);
    return id;
}

static void test_an_account_link_refused_for_both_fields_names_both(void **state)
{
    struct action_world *w = *state;
    char path[64];
    snprintf(path, sizeof path, "/harvest/sites/%lld/accounts", (long long)add_site(w));
    struct web_call call;
    web_call_begin(&call, w, "POST", path, w->coordinator, TODAY);
    web_call_form(&call, "account", "");
    web_call_form(&call, "email", "nobody@example.net");
    web_call_run(&call);
    const char *const links[] = {
        "href=\"#account\">Account name: Enter the account name",
        "href=\"#email\">The person&#39;s e-mail address: No person has this e-mail address."};
    assert_summary(&call, 400, "The account was not linked: fix the fields marked below.", links,
                   2);
    web_call_assert_body_has(&call, "aria-describedby=\"account-hint account-error\""
                                    " aria-invalid=\"true\"");
    web_call_assert_body_has(&call, "aria-describedby=\"email-error\" aria-invalid=\"true\"");
    web_call_assert_body_has(&call, "value=\"nobody@example.net\"");
    web_call_end(&call);
}

static void test_an_import_refused_for_both_fields_names_both(void **state)
{
    struct action_world *w = *state;
    int64_t site = add_site(w);
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)site + 1);
    struct web_call call;
    web_call_begin(&call, w, "POST", "/harvest/imports/new", w->coordinator, TODAY);
    web_call_form(&call, "site", id);
    web_call_run(&call);
    const char *const links[] = {"href=\"#site\">Site: Choose the site the report comes from.",
                                 "href=\"#file\">Report file: Choose the report file to upload."};
    assert_summary(&call, 400, "The report was not imported: fix the fields marked below.", links,
                   2);
    web_call_assert_body_has(&call, "aria-describedby=\"site-hint site-error\""
                                    " aria-invalid=\"true\"");
    web_call_assert_body_has(&call, "aria-describedby=\"file-hint file-error\""
                                    " aria-invalid=\"true\"");
    web_call_end(&call);
    snprintf(id, sizeof id, "%lld", (long long)site);
    web_call_begin(&call, w, "POST", "/harvest/imports/new", w->coordinator, TODAY);
    web_call_form(&call, "site", id);
    call.request.upload.too_large = true;
    web_call_run(&call);
    const char *const large[] = {"href=\"#file\">Report file: The file is larger than 64 MiB"};
    assert_summary(&call, 413, "The report was not imported: fix the field marked below.", large,
                   1);
    char chosen[64];
    snprintf(chosen, sizeof chosen, "<option value=\"%s\" selected=\"selected\">", id);
    web_call_assert_body_has(&call, chosen);
    web_call_end(&call);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_a_roster_file_refused_names_the_file_and_each_line_at_fault),
        T(test_a_roster_file_without_its_column_or_any_file_marks_the_field),
        T(test_attendance_ticked_before_the_first_day_is_refused_with_the_ticks_kept),
        T(test_a_site_refused_for_both_fields_names_both),
        T(test_an_account_link_refused_for_both_fields_names_both),
        T(test_an_import_refused_for_both_fields_names_both),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
