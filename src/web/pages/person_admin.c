#include "person_admin.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/people.h"
#include "../../actions/people_officers.h"
#include "../../store/store_account_links.h"
#include "../../store/store_person_admin.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../html/slim_alert.h"
#include "person_forms.h"
#include "../../core/banned.h"

/* True when the signed-in person keeps the people of library_id. */
static bool keeps(const struct web_request *request, int64_t library_id)
{
    return (request->roles & ROLE_CE_COORDINATOR) != 0 ||
           ((request->roles & ROLE_LIBRARY_ADMINISTRATOR) != 0 && library_id > 0 &&
            library_id == request->library_id);
}

static bool is_coordinator(const struct web_request *request)
{
    return (request->roles & ROLE_CE_COORDINATOR) != 0;
}

/* ---- the record ---- */

static void roles_term(struct html *h, const struct person_view *person)
{
    html_markup(h, "<dt>Roles</dt><dd>");
    for (size_t i = 0; i < person->held_count; i++) {
        if (i > 0) {
            html_markup(h, ", ");
        }
        html_text(h, role_of_bit(person->held[i].bit)->label);
        if (civil_date_is_set(person->held[i].began)) {
            char day[CIVIL_DATE_TEXT_SIZE];
            civil_date_format(person->held[i].began, day);
            html_markup(h, " (since ");
            html_text(h, day);
            html_markup(h, ")");
        }
    }
    if (person->held_count == 0) {
        html_markup(h, "none");
    }
    html_markup(h, "</dd>\n");
}

static void details(struct html *h, const struct person_view *person)
{
    html_markup(h, "<h2>Record</h2>\n<dl class=\"person-record\">\n");
    html_term(h, "E-mail", person->email);
    html_term(h, "Library", person->library_id > 0 ? person->library_name : "None");
    html_term(h, "Position", person->position[0] != '\0' ? person->position : "None");
    roles_term(h, person);
    char verifier[PERSON_TEXT_MAX + 40];
    snprintf(verifier, sizeof verifier, "%s%s",
             person->verifier_id > 0 ? person->verifier_name : "Nobody yet",
             person->verifier_by_hand ? " (set by hand)" : "");
    html_term(h, "Verifier", verifier);
    html_term(h, "State",
              person->merged_into > 0             ? "Merged into another record"
              : person->deactivated_at[0] != '\0' ? "Deactivated: cannot sign in"
                                                  : "Active");
    html_markup(h, "</dl>\n");
}

static void moves(struct web_request *request, struct html *h, int64_t person_id)
{
    struct store_rows rows = {.size = sizeof(struct person_move_row)};
    struct ct_err err = {0};
    html_fail(h, store_person_moves(request->store, person_id, &rows, &err));
    if (rows.count == 0) {
        return;
    }
    static const char *const columns[] = {"Moved on", "From", "To", "Recorded by"};
    html_table_begin(h, "Moves between libraries", columns, 4);
    const struct person_move_row *move = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        html_markup(h, "<tr><td>");
        html_text(h, move[i].moved_on);
        html_markup(h, "</td><td>");
        html_text(h, move[i].from_library[0] != '\0' ? move[i].from_library : "No library");
        html_markup(h, "</td><td>");
        html_text(h, move[i].to_library[0] != '\0' ? move[i].to_library : "No library");
        html_markup(h, "</td><td>");
        html_text(h, move[i].recorded_by[0] != '\0' ? move[i].recorded_by : "The system");
        html_markup(h, "</td></tr>\n");
    }
    html_table_end(h);
    store_rows_release(&rows);
}

/* ---- the forms ---- */

/* Opens a form posting action to /people/{id}. */
static void form_begin(struct web_request *request, struct html *h, int64_t person_id,
                       const char *action)
{
    html_markup(h, "<form method=\"post\" class=\"usa-form usa-form--large\" action=\"/people/");
    html_int(h, person_id);
    html_markup(h, "\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "action", action);
}

/* The invitation's button, while the person has no password and is active. */
static void invite_form(struct web_request *request, struct html *h,
                        const struct person_view *person)
{
    struct account_state state;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_account_state(request->store, person->id, &state, &found, &err));
    if (!found || state.has_password || state.deactivated) {
        return;
    }
    html_markup(h, "<h2 id=\"keep-invite\">Invitation</h2>\n<p>");
    html_text(h, person->name);
    html_markup(h, " has no password yet. An invitation mails them a link to choose one; it"
                   " works once, within 7 days.</p>\n<form method=\"post\" class=\"usa-form\""
                   " action=\"/people/");
    html_int(h, person->id);
    html_markup(h, "/invite\">");
    html_csrf(h, request->csrf);
    html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--outline\">"
                   "Send an invitation</button></form>\n");
}

static void edit_form(struct web_request *request, struct html *h, const struct person_view *person,
                      const struct action_outcome *outcome)
{
    bool typed = outcome != NULL;
    html_markup(h, "<h2 id=\"keep-edit\">Edit the record</h2>\n");
    form_begin(request, h, person->id, "edit");
    html_field(
        h, &(struct form_field){.id = "name",
                                .label = "Name",
                                .required = true,
                                .error = person_forms_error(outcome, "name"),
                                .value = typed ? web_form_value(request, "name") : person->name});
    html_field(
        h, &(struct form_field){.id = "email",
                                .label = "E-mail address",
                                .type = "email",
                                .required = true,
                                .error = person_forms_error(outcome, "email"),
                                .value = typed ? web_form_value(request, "email") : person->email});
    person_forms_position(h, "position",
                          typed                         ? web_form_value(request, "position")
                          : person->position[0] != '\0' ? person->position
                                                        : "none",
                          person_forms_error(outcome, "position"));
    person_forms_roles(h, request, person, typed, is_coordinator(request),
                       person_forms_error(outcome, "roles"));
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Save the record</button>"
                   "</form>\n");
}

static void verifier_form(struct web_request *request, struct html *h,
                          const struct person_view *person, const struct action_outcome *outcome)
{
    html_markup(h, "<h2 id=\"keep-verifier\">Verifier</h2>\n<p>The verifier follows the library's"
                   " director and board chair, unless it is set here by hand.</p>\n");
    form_begin(request, h, person->id, "verifier");
    person_forms_person(request, h, "verifier", "Who verifies this person's credits",
                        person->library_id, NULL, "derived",
                        "As the library's officers say (derived)",
                        person->verifier_by_hand ? person->verifier_id : 0,
                        person_forms_error(outcome, "verifier"));
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Set the verifier</button>"
                   "</form>\n");
}

static void move_form(struct web_request *request, struct html *h, const struct person_view *person,
                      const struct action_outcome *outcome)
{
    html_markup(h, "<h2 id=\"keep-move\">Move to another library</h2>\n");
    form_begin(request, h, person->id, "move");
    person_forms_library(request, h, "move-library", "The library they move to",
                         outcome != NULL ? web_form_value(request, "library") : NULL, true,
                         person_forms_error(outcome, "library"));
    html_field(h, &(struct form_field){.id = "moved_on",
                                       .label = "The day of the move",
                                       .hint = "As YYYY-MM-DD; empty for today.",
                                       .type = "date",
                                       .error = person_forms_error(outcome, "moved_on"),
                                       .value = web_form_value(request, "moved_on")});
    person_forms_position(h, "move-position",
                          outcome != NULL ? web_form_value(request, "position") : person->position,
                          person_forms_error(outcome, "position"));
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Move</button></form>\n");
}

static void end_forms(struct web_request *request, struct html *h, const struct person_view *person)
{
    if (person->deactivated_at[0] == '\0') {
        html_markup(h, "<h2 id=\"keep-deactivate\">Deactivate</h2>\n<p>A deactivated person keeps"
                       " their record and certificates and can no longer sign in.</p>\n");
        form_begin(request, h, person->id, "deactivate");
        html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--secondary\">"
                       "Deactivate</button></form>\n");
    }
    if (!is_coordinator(request)) {
        return;
    }
    html_markup(h, "<h2 id=\"keep-merge\">Merge with another record</h2>\n"
                   "<form method=\"get\" class=\"usa-form\" action=\"/people/");
    html_int(h, person->id);
    html_markup(h, "/merge\">");
    html_field(
        h, &(struct form_field){.id = "into",
                                .label = "The id of the record to keep",
                                .required = true,
                                .hint = "This record moves into it; find the id with the search."});
    html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--outline\">"
                   "Review the merge</button></form>\n");
}

void person_admin_write(struct web_request *request, struct html *h, int64_t person_id,
                        const char *refused_form, const struct action_outcome *outcome)
{
    struct person_view person;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_person_get(request->store, person_id, &person, &found, &err));
    if (!found) {
        return;
    }
    details(h, &person);
    moves(request, h, person_id);
    if (!keeps(request, person.library_id) || person.merged_into > 0) {
        return;
    }
    const char *form = refused_form != NULL ? refused_form : "";
    invite_form(request, h, &person);
    edit_form(request, h, &person, strcmp(form, "edit") == 0 ? outcome : NULL);
    verifier_form(request, h, &person, strcmp(form, "verifier") == 0 ? outcome : NULL);
    if (is_coordinator(request) && person.deactivated_at[0] == '\0') {
        move_form(request, h, &person, strcmp(form, "move") == 0 ? outcome : NULL);
    }
    end_forms(request, h, &person);
}

/* ---- the changes ---- */

static enum ct_status run_action(struct web_request *request, const char *action, int64_t person_id,
                                 struct action_outcome *outcome)
{
    struct actor actor = web_actor(request);
    if (strcmp(action, "edit") == 0) {
        char roles[512];
        person_forms_roles_text(request, roles, sizeof roles);
        struct person_input input = {
            person_id, web_form_value(request, "name"),     web_form_value(request, "email"),
            0,         web_form_value(request, "position"), roles};
        return action_person_edit(request->store, &actor, &input, outcome);
    }
    if (strcmp(action, "verifier") == 0) {
        struct person_verifier_input input = {person_id, person_forms_id(request, "verifier")};
        return action_person_verifier(request->store, &actor, &input, outcome);
    }
    if (strcmp(action, "move") == 0) {
        struct person_move_input input = {person_id, person_forms_id(request, "library"),
                                          web_form_value(request, "moved_on"),
                                          web_form_value(request, "position")};
        return action_person_move(request->store, &actor, &input, outcome);
    }
    return action_person_deactivate(request->store, &actor, &(struct person_id_input){person_id},
                                    outcome);
}

static const char *notice_of(const char *action)
{
    return strcmp(action, "edit") == 0       ? "person-edited"
           : strcmp(action, "verifier") == 0 ? "verifier-set"
           : strcmp(action, "move") == 0     ? "person-moved"
                                             : "person-deactivated";
}

enum ct_status page_person_submit(struct web_request *request, struct web_response *response,
                                  int64_t person_id)
{
    const char *action = web_form_value(request, "action");
    static const char *const actions[] = {"edit", "verifier", "move", "deactivate"};
    bool known = false;
    for (size_t i = 0; action != NULL && i < 4; i++) {
        known = known || strcmp(action, actions[i]) == 0;
    }
    if (!known) {
        return page_error(request, response, 400, "Not understood",
                          "Choose edit, verifier, move or deactivate.");
    }
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = run_action(request, action, person_id, &outcome);
    char path[64];
    snprintf(path, sizeof path, "/people/%" PRId64, person_id);
    if (status == CT_OK) {
        notice_redirect(response, path, notice_of(action), 0);
        return CT_OK;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    if (outcome.refusal == ACTION_NOT_FOUND) {
        return page_not_found(request, response, "person");
    }
    response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 400;
    web_set_title(response, "The change was not made");
    struct html h;
    html_start(&h, &response->body);
    person_forms_refused(&h, "The change was not made: fix the fields marked below.", &outcome,
                         strcmp(action, "move") == 0);
    person_admin_write(request, &h, person_id, action, &outcome);
    return html_status(&h);
}

/* ---- a library's officers ---- */

void person_admin_officers_form(struct web_request *request, struct html *h, int64_t library_id,
                                const struct action_outcome *outcome)
{
    struct library_officers library;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_library_officers_get(request->store, library_id, &library, &found, &err));
    if (!found || !keeps(request, library_id)) {
        return;
    }
    html_markup(h, "<h2 id=\"officers\">Director and board chair</h2>\n<p>Staff are verified by"
                   " the director, the director and trustees by the board chair, and the chair"
                   " by the trustee who has served longest.</p>\n<form method=\"post\""
                   " class=\"usa-form\" action=\"/libraries/");
    html_int(h, library_id);
    html_markup(h, "/officers\">");
    html_csrf(h, request->csrf);
    const char *back = web_form_value(request, "return_to");
    html_hidden(h, "return_to", back != NULL ? back : request->path);
    person_forms_person(request, h, "director", "Director (a staff member)", library_id, "staff",
                        "none", "Nobody", library.director_id,
                        person_forms_error(outcome, "director"));
    person_forms_person(request, h, "board_chair", "Board chair (a trustee)", library_id, "trustee",
                        "none", "Nobody", library.board_chair_id,
                        person_forms_error(outcome, "board_chair"));
    html_markup(h, "<button type=\"submit\" class=\"usa-button\">Save the officers</button>"
                   "</form>\n");
}

enum ct_status page_library_officers_submit(struct web_request *request,
                                            struct web_response *response, int64_t library_id)
{
    struct actor actor = web_actor(request);
    struct library_officers_input input = {library_id, person_forms_id(request, "director"),
                                           person_forms_id(request, "board_chair")};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_library_officers(request->store, &actor, &input, &outcome);
    const char *back = web_form_value(request, "return_to");
    bool to_staff = back != NULL && strcmp(back, "/staff") == 0;
    char path[64];
    snprintf(path, sizeof path, to_staff ? "/staff" : "/libraries/%" PRId64, library_id);
    if (status == CT_OK) {
        notice_redirect(response, path, "officers-saved", 0);
        return CT_OK;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 400;
    web_set_title(response, "The officers were not saved");
    struct html h;
    html_start(&h, &response->body);
    person_forms_refused(&h, "The officers were not saved: fix the fields marked below.", &outcome,
                         false);
    person_admin_officers_form(request, &h, library_id, &outcome);
    return html_status(&h);
}
