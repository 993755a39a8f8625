#include "api_people.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../actions/people.h"
#include "../../actions/people_officers.h"
#include "../../store/store_people_search.h"
#include "../../store/store_person_admin.h"
#include "api.h"
#include "api_action.h"
#include "api_json.h"
#include "../../core/banned.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

static json_t *text_or_null(const char *text)
{
    return text[0] != '\0' ? json_string(text) : json_null();
}

static json_t *library_json(int64_t id, const char *name)
{
    return id > 0 ? json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name) : json_null();
}

static json_t *roles_json(const struct person_view *person)
{
    json_t *roles = json_array();
    for (size_t i = 0; roles != NULL && i < person->held_count; i++) {
        char began[CIVIL_DATE_TEXT_SIZE] = "";
        if (civil_date_is_set(person->held[i].began)) {
            civil_date_format(person->held[i].began, began);
        }
        const struct role *role = role_of_bit(person->held[i].bit);
        if (json_array_append_new(roles, json_pack("{s:s, s:o}", "role", role->name, "began",
                                                   text_or_null(began))) != 0) {
            json_decref(roles);
            roles = NULL;
        }
    }
    return roles;
}

static json_t *moves_json(struct store *store, int64_t person_id, struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct person_move_row)};
    if (store_person_moves(store, person_id, &rows, err) != CT_OK) {
        return NULL;
    }
    json_t *moves = json_array();
    const struct person_move_row *move = rows.items;
    for (size_t i = 0; moves != NULL && i < rows.count; i++) {
        if (json_array_append_new(moves, json_pack("{s:o, s:o, s:s, s:o}", "from",
                                                   text_or_null(move[i].from_library), "to",
                                                   text_or_null(move[i].to_library), "moved_on",
                                                   move[i].moved_on, "recorded_by",
                                                   text_or_null(move[i].recorded_by))) != 0) {
            json_decref(moves);
            moves = NULL;
        }
    }
    store_rows_release(&rows);
    return moves;
}

static json_t *person_json(struct store *store, const struct person_view *person,
                           struct ct_err *err)
{
    json_t *verifier =
        person->verifier_id > 0
            ? json_pack("{s:I, s:s, s:b}", "id", (json_int_t)person->verifier_id, "name",
                        person->verifier_name, "by_hand", person->verifier_by_hand)
            : json_null();
    return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:o, s:o, s:o}", "id",
                     (json_int_t)person->id, "name", person->name, "email", person->email,
                     "library", library_json(person->library_id, person->library_name), "position",
                     text_or_null(person->position), "roles", roles_json(person), "verifier",
                     verifier, "active", person->deactivated_at[0] == '\0', "deactivated_at",
                     text_or_null(person->deactivated_at), "merged_into",
                     person->merged_into > 0 ? json_integer(person->merged_into) : json_null(),
                     "moves", moves_json(store, person->id, err));
}

/* Answers person_id as JSON with status. */
static enum ct_status send_person(struct web_request *request, struct web_response *response,
                                  unsigned status_code, int64_t person_id)
{
    struct person_view person;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_person_get(request->store, person_id, &person, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return api_json_error(response, 404, "not-found", "No person has this id.", NULL);
    }
    json_t *json = person_json(request->store, &person, &err);
    return err.status != CT_OK ? (json_decref(json), err.status)
                               : api_json_send(response, status_code, json);
}

/* ---- the list ---- */

static json_t *row_json(const struct people_row *row)
{
    return json_pack("{s:I, s:s, s:s, s:o, s:o, s:b}", "id", (json_int_t)row->id, "name", row->name,
                     "email", row->email, "library", library_json(row->library_id, row->library),
                     "position", text_or_null(row->position), "active", row->active);
}

/* Whose people the caller finds: the coordinator everyone, a consultant their
 * libraries', a library administrator their library's. */
static void scope_of(const struct web_request *request, struct people_scope *scope)
{
    memset(scope, 0, sizeof *scope);
    if ((request->roles & ROLE_CE_COORDINATOR) != 0) {
        return;
    }
    if ((request->roles & ROLE_CONSULTANT) != 0) {
        scope->consultant_id = request->person_id;
        return;
    }
    scope->library_id = request->library_id > 0 ? request->library_id : -1;
}

static enum ct_status fill_people(struct web_request *request, const struct api_page *page,
                                  json_t *items, int64_t *total, struct ct_err *err)
{
    struct people_scope scope;
    scope_of(request, &scope);
    const char *library = web_query_value(request, "library");
    if (library != NULL && scope.library_id == 0) {
        scope.library_id = strtoll(library, NULL, 10);
    }
    const char *all = web_query_value(request, "all");
    scope.include_inactive = all != NULL && strcmp(all, "true") == 0;
    struct store_rows rows = {.size = sizeof(struct people_row)};
    struct store_page by_name = api_json_store_page(page, STORE_PEOPLE_NAME, false);
    enum ct_status status = store_people_search(request->store, web_query_value(request, "q"),
                                                &scope, &by_name, &rows, total, err);
    const struct people_row *row = rows.items;
    for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
        status = api_json_append(items, row_json(&row[i]));
    }
    store_rows_release(&rows);
    return status;
}

enum ct_status api_people(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return api_json_answer_list(request, response, fill_people);
}

enum ct_status api_person(struct web_request *request, struct web_response *response,
                          int64_t person_id)
{
    bool allowed = false;
    struct ct_err err = {0};
    enum ct_status status = web_may_see_person(request, person_id, &allowed, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!allowed) {
        return api_json_error(response, 404, "not-found", "No person you may see has this id.",
                              NULL);
    }
    return send_person(request, response, 200, person_id);
}

/* ---- the changes ---- */

static const struct api_input_field person_fields[] = {
    API_INPUT("name", API_TEXT, struct person_input, name),
    API_INPUT("email", API_TEXT, struct person_input, email),
    API_INPUT("library", API_ID, struct person_input, library_id),
    API_INPUT("position", API_TEXT, struct person_input, position),
    API_INPUT("roles", API_LINES, struct person_input, roles),
};

enum ct_status api_person_add(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)id;
    struct person_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, person_fields, COUNT(person_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    struct person_result result = {0};
    status = action_person_add(request->store, &action.actor, &input, &result, &action.outcome);
    return api_action_answer(request, response, &action, status, send_person, 201, result.id);
}

enum ct_status api_person_edit(struct web_request *request, struct web_response *response,
                               int64_t person_id)
{
    /* The library changes by a move, never by an edit. */
    struct person_input input = {.person_id = person_id};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, person_fields, COUNT(person_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    if (input.library_id != 0) {
        return api_json_error(response, 400, "invalid",
                              "A person changes library by a move: POST .../move.", "library");
    }
    status = action_person_edit(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, send_person, 200, person_id);
}

enum ct_status api_person_deactivate(struct web_request *request, struct web_response *response,
                                     int64_t person_id)
{
    struct api_action action;
    api_action_init(&action, request);
    enum ct_status status = action_person_deactivate(
        request->store, &action.actor, &(struct person_id_input){person_id}, &action.outcome);
    return api_action_answer(request, response, &action, status, send_person, 200, person_id);
}

static const struct api_input_field move_fields[] = {
    API_INPUT("library", API_ID, struct person_move_input, library_id),
    API_INPUT("moved_on", API_TEXT, struct person_move_input, moved_on),
    API_INPUT("position", API_TEXT, struct person_move_input, position),
};

enum ct_status api_person_move(struct web_request *request, struct web_response *response,
                               int64_t person_id)
{
    struct person_move_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, move_fields, COUNT(move_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    input.person_id = person_id;
    status = action_person_move(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, send_person, 200, person_id);
}

static const struct api_input_field merge_fields[] = {
    API_INPUT("into", API_ID, struct person_merge_input, into_id),
};

enum ct_status api_person_merge(struct web_request *request, struct web_response *response,
                                int64_t person_id)
{
    struct person_merge_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, merge_fields, COUNT(merge_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    input.person_id = person_id;
    status = action_person_merge(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, send_person, 200, input.into_id);
}

static const struct api_input_field verifier_fields[] = {
    API_INPUT("verifier", API_ID, struct person_verifier_input, verifier_id),
};

enum ct_status api_person_verifier(struct web_request *request, struct web_response *response,
                                   int64_t person_id)
{
    struct person_verifier_input input = {0};
    struct api_action action;
    enum ct_status status = api_action_read(request, response, verifier_fields,
                                            COUNT(verifier_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    input.person_id = person_id;
    status = action_person_verifier(request->store, &action.actor, &input, &action.outcome);
    return api_action_answer(request, response, &action, status, send_person, 200, person_id);
}

static const struct api_input_field officer_fields[] = {
    API_INPUT("director", API_ID, struct library_officers_input, director_id),
    API_INPUT("board_chair", API_ID, struct library_officers_input, board_chair_id),
};

enum ct_status api_library_officers(struct web_request *request, struct web_response *response,
                                    int64_t library_id)
{
    struct library_officers_input input = {0};
    struct api_action action;
    enum ct_status status =
        api_action_read(request, response, officer_fields, COUNT(officer_fields), &input, &action);
    if (status != CT_OK || !action.ready) {
        return status;
    }
    input.library_id = library_id;
    status = action_library_officers(request->store, &action.actor, &input, &action.outcome);
    if (status == CT_ERR_INPUT) {
        return api_json_outcome(response, &action.outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    return api_json_send(
        response, 200,
        json_pack("{s:I, s:o, s:o}", "library", (json_int_t)library_id, "director",
                  input.director_id > 0 ? json_integer(input.director_id) : json_null(),
                  "board_chair",
                  input.board_chair_id > 0 ? json_integer(input.board_chair_id) : json_null()));
}
