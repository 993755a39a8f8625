#include "people_find.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/accounts.h"
#include "../../actions/people.h"
#include "../../actions/people_officers.h"
#include "../../store/store_people_search.h"
#include "../../store/store_person_admin.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../html/paging.h"
#include "../html/slim_alert.h"
#include "person_forms.h"
#include "../../core/banned.h"

/* ---- the search ---- */

static const struct paging_column columns[] = {
    [STORE_PEOPLE_NAME] = {"name", "Name", false},
    [STORE_PEOPLE_EMAIL] = {"email", "E-mail", false},
    [STORE_PEOPLE_LIBRARY] = {"library", "Library", false},
    {NULL, "Position", false},
    {NULL, "State", false},
};

static const struct paging_list list = {
    columns, sizeof columns / sizeof columns[0], STORE_PEOPLE_NAME, false, 25, "people", "person"};

static void search_form(struct html *h, const char *query)
{
    html_markup(h, "<form class=\"usa-search\" role=\"search\" aria-label=\"Search again\""
                   " method=\"get\" action=\"/people\">"
                   "<label class=\"usa-sr-only\" for=\"q\">Name, e-mail or library</label>"
                   "<input class=\"usa-input\" id=\"q\" type=\"search\" name=\"q\" value=\"");
    html_text(h, query != NULL ? query : "");
    html_markup(h, "\">");
    html_search_button(h, "Find");
    html_markup(h, "</form>\n");
}

static void person_row(struct html *h, const struct people_row *row)
{
    html_markup(h, "<tr>");
    paging_write_link_cell(h, "/people/", row->id, row->name);
    paging_write_cell(h, row->email, false);
    paging_write_cell(h, row->library, false);
    paging_write_cell(h, row->position, false);
    paging_write_cell(h, row->active ? "Active" : "Deactivated", false);
    html_markup(h, "</tr>\n");
}

/* Whose people the signed-in person finds (as GET /api/v1/people). */
static struct people_scope scope_of(const struct web_request *request)
{
    struct people_scope scope = {0};
    if ((request->roles & ROLE_CE_COORDINATOR) != 0) {
        scope.include_inactive = true;
    } else if ((request->roles & ROLE_CONSULTANT) != 0) {
        scope.consultant_id = request->person_id;
    } else {
        scope.library_id = request->library_id > 0 ? request->library_id : -1;
    }
    return scope;
}

enum ct_status page_people_search(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    const char *query = web_query_value(request, "q");
    web_set_title(response, "Find a person");
    struct html h;
    html_start(&h, &response->body);
    search_form(&h, query);
    if ((request->roles & (ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR)) != 0) {
        html_markup(&h, "<p><a class=\"usa-button usa-button--outline\" href=\"/people/new\">"
                        "Add a person</a></p>\n");
    }
    struct paging paging;
    paging_from_request(&paging, &list, request);
    paging_keep(&paging, "q", query);
    struct store_page page = paging_page(&paging);
    struct store_rows rows = {.size = sizeof(struct people_row)};
    int64_t total = 0;
    struct ct_err err = {0};
    struct people_scope scope = scope_of(request);
    enum ct_status status =
        store_people_search(request->store, query, &scope, &page, &rows, &total, &err);
    if (status == CT_ERR_INPUT) {
        html_slim_error(&h, err.message, false);
    } else {
        html_fail(&h, status);
    }
    if (status == CT_OK && paging_write_heading(&h, &paging, total, "People found",
                                                "Nobody matches: try part of a name.")) {
        paging_write_table_begin(&h, &paging, "People matching the search");
        const struct people_row *row = rows.items;
        for (size_t i = 0; i < rows.count; i++) {
            person_row(&h, &row[i]);
        }
        paging_write_table_end(&h, &paging);
    }
    store_rows_release(&rows);
    return html_status(&h);
}

/* ---- adding a person ---- */

static enum ct_status new_form(struct web_request *request, struct web_response *response,
                               const struct action_outcome *outcome)
{
    web_set_title(response, "Add a person");
    struct html h;
    html_start(&h, &response->body);
    if (outcome != NULL) {
        person_forms_refused(&h, "The person was not added: fix the fields marked below.", outcome,
                             false);
    }
    html_markup(&h, "<form method=\"post\" action=\"/people/new\" class=\"usa-form"
                    " usa-form--large\">");
    html_csrf(&h, request->csrf);
    html_field(&h, &(struct form_field){.id = "name",
                                        .label = "Name",
                                        .required = true,
                                        .error = person_forms_error(outcome, "name"),
                                        .value = web_form_value(request, "name")});
    html_field(&h, &(struct form_field){.id = "email",
                                        .label = "E-mail address",
                                        .type = "email",
                                        .required = true,
                                        .error = person_forms_error(outcome, "email"),
                                        .value = web_form_value(request, "email")});
    bool coordinator = (request->roles & ROLE_CE_COORDINATOR) != 0;
    if (coordinator) {
        person_forms_library(request, &h, "library", "Library", web_form_value(request, "library"),
                             true, person_forms_error(outcome, "library"));
    }
    person_forms_position(&h, "position", web_form_value(request, "position"),
                          person_forms_error(outcome, "position"));
    person_forms_roles(&h, request, NULL, outcome != NULL, coordinator,
                       person_forms_error(outcome, "roles"));
    html_field(&h, &(struct form_field){.id = "invite",
                                        .label = "Send an invitation",
                                        .control = FORM_CHECKBOX,
                                        .value = outcome != NULL ? web_form_value(request, "invite")
                                                                 : "yes"});
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Add the person</button>"
                    "</form>\n");
    return html_status(&h);
}

enum ct_status page_person_new(struct web_request *request, struct web_response *response,
                               int64_t id)
{
    (void)id;
    return new_form(request, response, NULL);
}

/* Adds the person, and invites them when the form says so; *person_id is who. */
static enum ct_status add_from_form(struct web_request *request, bool invited, int64_t *person_id,
                                    struct action_outcome *outcome)
{
    char roles[512];
    person_forms_roles_text(request, roles, sizeof roles);
    struct person_input input = {0,
                                 web_form_value(request, "name"),
                                 web_form_value(request, "email"),
                                 person_forms_id(request, "library"),
                                 web_form_value(request, "position"),
                                 roles};
    struct actor actor = web_actor(request);
    if (invited) {
        struct invitation_result result;
        enum ct_status status =
            action_person_add_invited(request->store, &actor, &input, &result, outcome);
        *person_id = result.person_id;
        return status;
    }
    struct person_result result = {0};
    enum ct_status status = action_person_add(request->store, &actor, &input, &result, outcome);
    *person_id = result.id;
    return status;
}

enum ct_status page_person_new_submit(struct web_request *request, struct web_response *response,
                                      int64_t id)
{
    (void)id;
    const char *invite = web_form_value(request, "invite");
    bool invited = invite != NULL && invite[0] != '\0';
    int64_t person_id = 0;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = add_from_form(request, invited, &person_id, &outcome);
    if (status == CT_OK) {
        char path[64];
        snprintf(path, sizeof path, "/people/%" PRId64, person_id);
        if (invited) {
            notice_redirect_invited(response, path, "person-added-invited", person_id);
        } else {
            notice_redirect(response, path, "person-added", 0);
        }
        return CT_OK;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 400;
    return new_form(request, response, &outcome);
}

/* ---- merging ---- */

static void record_summary(struct html *h, const char *heading, const struct person_view *person)
{
    html_markup(h, "<div class=\"tablet:grid-col\"><h2>");
    html_text(h, heading);
    html_markup(h, "</h2><dl>");
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, person->id);
    html_term(h, "Id", id);
    html_term(h, "Name", person->name);
    html_term(h, "E-mail", person->email);
    html_term(h, "Library", person->library_id > 0 ? person->library_name : "None");
    html_term(h, "State", person->deactivated_at[0] != '\0' ? "Deactivated" : "Active");
    html_markup(h, "</dl></div>\n");
}

/* Reads both records; false (with the page written) when either is missing. */
static enum ct_status both(struct web_request *request, struct web_response *response,
                           int64_t person_id, int64_t into_id, struct person_view *merged,
                           struct person_view *kept, bool *found)
{
    struct ct_err err = {0};
    bool kept_found = false;
    enum ct_status status = store_person_get(request->store, person_id, merged, found, &err);
    if (status == CT_OK) {
        status = store_person_get(request->store, into_id, kept, &kept_found, &err);
    }
    if (status == CT_OK && (!*found || !kept_found)) {
        *found = false;
        return page_not_found(request, response, "such pair of records");
    }
    return status;
}

static int64_t into_of(const struct web_request *request)
{
    const char *into = web_query_value(request, "into");
    if (into == NULL) {
        into = web_form_value(request, "into");
    }
    return into != NULL ? strtoll(into, NULL, 10) : 0;
}

enum ct_status page_person_merge(struct web_request *request, struct web_response *response,
                                 int64_t person_id)
{
    struct person_view merged, kept;
    bool found = false;
    enum ct_status status =
        both(request, response, person_id, into_of(request), &merged, &kept, &found);
    if (status != CT_OK || !found) {
        return status;
    }
    web_set_title(response, "Merge two records of one person");
    struct html h;
    html_start(&h, &response->body);
    html_markup(&h, "<p>Everything of the first record (activities, tracks, certificates,"
                    " plan signatures, sign-ins, LMS accounts, roles) moves to the second, which"
                    " is kept. The first is deactivated and says where it went. This cannot be"
                    " undone.</p>\n<div class=\"grid-row grid-gap\">");
    record_summary(&h, "Merged away", &merged);
    record_summary(&h, "Kept", &kept);
    html_markup(&h, "</div>\n<form method=\"post\" class=\"usa-form\" action=\"/people/");
    html_int(&h, person_id);
    html_markup(&h, "/merge\">");
    html_csrf(&h, request->csrf);
    html_hidden_id(&h, "into", kept.id);
    html_markup(&h,
                "<button type=\"submit\" class=\"usa-button usa-button--secondary\">"
                "Merge them</button> <a class=\"usa-button usa-button--unstyled\" href=\"/people/");
    html_int(&h, person_id);
    html_markup(&h, "\">Cancel</a></form>\n");
    return html_status(&h);
}

enum ct_status page_person_merge_submit(struct web_request *request, struct web_response *response,
                                        int64_t person_id)
{
    struct person_merge_input input = {person_id, into_of(request)};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_person_merge(request->store, &actor, &input, &outcome);
    if (status == CT_OK) {
        char path[64];
        snprintf(path, sizeof path, "/people/%" PRId64, input.into_id);
        notice_redirect(response, path, "person-merged", 0);
        return CT_OK;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    unsigned code = outcome.refusal == ACTION_NOT_FOUND ? 404 : 409;
    return page_error(request, response, outcome.refusal == ACTION_BAD_INPUT ? 400 : code,
                      "The records were not merged", outcome.err.message);
}
