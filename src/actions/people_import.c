#include "people_import.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../store/store_libraries.h"
#include "../store/store_people.h"
#include "import_rows.h"
#include "libraries.h"
#include "people.h"
#include "people_checks.h"
#include "people_officers.h"
#include "../core/banned.h"

enum people_column {
    COLUMN_LIBRARY_ID,
    COLUMN_LIBRARY_NAME,
    COLUMN_LIBRARY_CITY,
    COLUMN_LIBRARY_KIND,
    COLUMN_EMAIL,
    COLUMN_NAME,
    COLUMN_POSITION,
    COLUMN_ROLES,
    COLUMN_ROLE_BEGAN,
    COLUMN_DIRECTOR,
    COLUMN_BOARD_CHAIR,
    PEOPLE_COLUMNS,
};

/* The header's names, as docs/operations.md lists them; the first is required. */
static const char *const column_names[PEOPLE_COLUMNS] = {
    "library_id", "library_name", "library_city", "library_kind", "email",       "name",
    "position",   "roles",        "role_began",   "director",     "board_chair",
};
enum { REQUIRED_COLUMNS = 1 };

_Static_assert(PEOPLE_COLUMNS <= IMPORT_ROWS_MAX_COLUMNS, "every column has its place");

static const struct import_rows_format people_format = {RECORD_IMPORT_PEOPLE, "people",
                                                        "imports people",     column_names,
                                                        PEOPLE_COLUMNS,       REQUIRED_COLUMNS};

struct people_run {
    struct import_rows rows;
    char reason[512]; /* why the line is refused */
    bool created;     /* the line created a library or a person */
    bool updated;     /* the line changed one */
};

/* The line's cell of column ("" when the file or the line has none). */
static const char *cell(const struct people_run *run, enum people_column column)
{
    return import_rows_cell(&run->rows, (int)column);
}

/* The cell, or NULL when it is empty. */
static const char *given(const struct people_run *run, enum people_column column)
{
    return people_given(cell(run, column));
}

/* Notes why the line is refused ("field: message") and returns CT_ERR_INPUT. */
static enum ct_status __attribute__((format(printf, 3, 4)))
refuse(struct people_run *run, const char *field, const char *format, ...)
{
    char message[400];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    snprintf(run->reason, sizeof run->reason, "%s: %s", field, message);
    return CT_ERR_INPUT;
}

/* The field of a library action named as the file's column. */
static const char *library_column(const char *field)
{
    if (strcmp(field, "external_id") == 0 || strcmp(field, "library") == 0) {
        return "library_id";
    }
    if (strcmp(field, "name") == 0) {
        return "library_name";
    }
    if (strcmp(field, "city") == 0) {
        return "library_city";
    }
    return strcmp(field, "kind") == 0 ? "library_kind" : field;
}

/* An action's result for the line: a refusal becomes the line's reason; a failure is
 * copied into err. */
static enum ct_status action_result(struct people_run *run, enum ct_status status,
                                    const struct action_outcome *outcome, bool library,
                                    struct ct_err *err)
{
    if (status == CT_ERR_INPUT) {
        const char *field = outcome->err.where[0] != '\0' ? outcome->err.where : "line";
        if (strcmp(field, "library") == 0 && !library) {
            field = "library_id";
        }
        return refuse(run, library ? library_column(field) : field, "%s", outcome->err.message);
    }
    if (status != CT_OK) {
        *err = outcome->err;
    }
    return status;
}

static bool differs(const char *held, const char *typed)
{
    return typed != NULL && strcmp(held, typed) != 0;
}

static enum ct_status add_library(struct people_run *run, int64_t *library_id, struct ct_err *err)
{
    if (given(run, COLUMN_LIBRARY_NAME) == NULL) {
        return refuse(run, "library_id",
                      "No library has the id \"%.64s\": give its library_name and library_city "
                      "to add it.",
                      cell(run, COLUMN_LIBRARY_ID));
    }
    const struct library_input input = {0,
                                        cell(run, COLUMN_LIBRARY_NAME),
                                        cell(run, COLUMN_LIBRARY_CITY),
                                        given(run, COLUMN_LIBRARY_KIND),
                                        cell(run, COLUMN_LIBRARY_ID),
                                        NULL};
    struct library_result result = {0};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_library_add(run->rows.store, run->rows.actor, &input, &result, &outcome);
    *library_id = result.id;
    run->created = true;
    return action_result(run, status, &outcome, true, err);
}

static enum ct_status edit_library(struct people_run *run, int64_t library_id, struct ct_err *err)
{
    struct library_view held;
    bool found = false;
    enum ct_status status = store_library_get(run->rows.store, library_id, &held, &found, err);
    if (status != CT_OK || !found) {
        return status != CT_OK ? status : ct_err_set(err, CT_ERR_IO, "library", "vanished");
    }
    const char *name = given(run, COLUMN_LIBRARY_NAME), *city = given(run, COLUMN_LIBRARY_CITY);
    const char *kind = given(run, COLUMN_LIBRARY_KIND);
    struct library_input input = {library_id,
                                  differs(held.name, name) ? name : NULL,
                                  differs(held.city, city) ? city : NULL,
                                  differs(held.kind, kind) ? kind : NULL,
                                  NULL,
                                  NULL};
    if (input.name == NULL && input.city == NULL && input.kind == NULL) {
        return CT_OK;
    }
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_library_edit(run->rows.store, run->rows.actor, &input, &outcome);
    run->updated = true;
    return action_result(run, status, &outcome, true, err);
}

/* The line's library, found by its external id, added or brought up to date. */
static enum ct_status take_library(struct people_run *run, int64_t *library_id, struct ct_err *err)
{
    const char *external_id = given(run, COLUMN_LIBRARY_ID);
    if (external_id == NULL) {
        return refuse(run, "library_id", "Give the library's id in the state directory.");
    }
    const char *kind = given(run, COLUMN_LIBRARY_KIND);
    if (kind != NULL && library_kind_known(kind) == NULL) {
        return refuse(run, "library_kind",
                      "There is no library kind \"%.40s\": the kinds are public, "
                      "tribal-college, academic, school and special.",
                      kind);
    }
    enum ct_status status =
        store_library_external_id_holder(run->rows.store, external_id, library_id, err);
    if (status != CT_OK) {
        return status;
    }
    return *library_id == 0 ? add_library(run, library_id, err)
                            : edit_library(run, *library_id, err);
}

/* The line's roles as the people actions read them ("learner 2024-01-15,supervisor ..."):
 * the file's roles, separated by ';', each beginning on role_began. */
static enum ct_status roles_text(struct people_run *run, char *out, size_t size)
{
    const char *began = cell(run, COLUMN_ROLE_BEGAN);
    struct civil_date day;
    if (began[0] != '\0' && !civil_date_parse(began, &day)) {
        return refuse(run, "role_began", "Enter the day the roles began as YYYY-MM-DD.");
    }
    const char *roles = given(run, COLUMN_ROLES);
    size_t used = 0;
    out[0] = '\0';
    while (roles != NULL) {
        const char *end = strchr(roles, ';');
        int length = end != NULL ? (int)(end - roles) : (int)strlen(roles);
        int wrote = snprintf(out + used, size - used, "%s%.*s%s%s", used > 0 ? "," : "", length,
                             roles, began[0] != '\0' ? " " : "", began);
        if (wrote < 0 || (size_t)wrote >= size - used) {
            return refuse(run, "roles", "Give at most the five roles, each once.");
        }
        used += (size_t)wrote;
        roles = end != NULL ? end + 1 : NULL;
    }
    return CT_OK;
}

/* True when the roles typed are the ones held (and, when a day is typed, began then). */
static bool roles_same(const struct person_view *held, const struct person_role_held *typed,
                       size_t count, bool day_given)
{
    if (held->roles != people_role_bits(typed, count)) {
        return false;
    }
    for (size_t i = 0; day_given && i < count; i++) {
        for (size_t j = 0; j < held->held_count; j++) {
            if (held->held[j].bit == typed[i].bit &&
                civil_date_compare(held->held[j].began, typed[i].began) != 0) {
                return false;
            }
        }
    }
    return true;
}

static enum ct_status add_person(struct people_run *run, int64_t library_id, const char *roles,
                                 int64_t *person_id, struct ct_err *err)
{
    const struct person_input input = {
        0,          cell(run, COLUMN_NAME),     cell(run, COLUMN_EMAIL),
        library_id, cell(run, COLUMN_POSITION), roles};
    struct person_result result = {0};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_person_add(run->rows.store, run->rows.actor, &input, &result, &outcome);
    *person_id = result.id;
    run->created = true;
    return action_result(run, status, &outcome, false, err);
}

/* Moves the person to the line's library when they are at another. */
static enum ct_status move_person(struct people_run *run, const struct person_view *held,
                                  int64_t library_id, struct ct_err *err)
{
    if (held->library_id == library_id) {
        return CT_OK;
    }
    const struct person_move_input input = {held->id, library_id, NULL,
                                            given(run, COLUMN_POSITION)};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_person_move(run->rows.store, run->rows.actor, &input, &outcome);
    run->updated = true;
    return action_result(run, status, &outcome, false, err);
}

/* Edits the person's name, position and roles where the line's differ. */
static enum ct_status edit_person(struct people_run *run, const struct person_view *held,
                                  const char *roles, struct ct_err *err)
{
    struct person_role_held typed[ROLE_COUNT];
    size_t count = 0;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    bool roles_given = roles[0] != '\0';
    if (roles_given) {
        people_read_roles(roles, typed, &count, &outcome);
    }
    if (outcome.fault_count > 0) {
        return refuse(run, "roles", "%s", outcome.faults[0].message);
    }
    const char *name = given(run, COLUMN_NAME), *position = given(run, COLUMN_POSITION);
    bool day_given = given(run, COLUMN_ROLE_BEGAN) != NULL;
    struct person_input input = {held->id,
                                 differs(held->name, name) ? name : NULL,
                                 NULL,
                                 0,
                                 differs(held->position, position) ? position : NULL,
                                 !roles_given || roles_same(held, typed, count, day_given) ? NULL
                                                                                           : roles};
    if (input.name == NULL && input.position == NULL && input.roles == NULL) {
        return CT_OK;
    }
    enum ct_status status = action_person_edit(run->rows.store, run->rows.actor, &input, &outcome);
    run->updated = true;
    return action_result(run, status, &outcome, false, err);
}

/* The line's person, found by e-mail, added or brought up to date. */
static enum ct_status take_person(struct people_run *run, int64_t library_id, int64_t *person_id,
                                  struct ct_err *err)
{
    const char *email = cell(run, COLUMN_EMAIL);
    if (!people_looks_like_email(email)) {
        return refuse(run, "email", "\"%.80s\" is not an e-mail address, like name@example.org.",
                      email);
    }
    char roles[512];
    enum ct_status status = roles_text(run, roles, sizeof roles);
    *person_id = 0;
    status = status != CT_OK ? status : store_person_find(run->rows.store, email, person_id, err);
    if (status == CT_ERR_INPUT && run->reason[0] == '\0') {
        return add_person(run, library_id, roles, person_id, err);
    }
    struct person_view held;
    bool found = false;
    status = status != CT_OK ? status
                             : store_person_get(run->rows.store, *person_id, &held, &found, err);
    status = status != CT_OK ? status : move_person(run, &held, library_id, err);
    status = status != CT_OK ? status
                             : store_person_get(run->rows.store, *person_id, &held, &found, err);
    return status != CT_OK ? status : edit_person(run, &held, roles, err);
}

/* Reads a yes/no cell into *value; false when it is neither (or empty: *given false). */
static bool read_flag(const char *text, bool *value, bool *flag_given)
{
    *flag_given = text[0] != '\0';
    *value = strcasecmp(text, "yes") == 0;
    return !*flag_given || *value || strcasecmp(text, "no") == 0;
}

/* The office held after the line: person_id when yes, nobody when no and it was theirs. */
static int64_t office_after(int64_t holder, int64_t person_id, bool flag_given, bool value)
{
    if (!flag_given) {
        return holder;
    }
    return value ? person_id : (holder == person_id ? 0 : holder);
}

static enum ct_status check_officer_positions(struct people_run *run, int64_t person_id,
                                              bool director, bool chair, struct ct_err *err)
{
    struct person_view held;
    bool found = false;
    enum ct_status status = store_person_get(run->rows.store, person_id, &held, &found, err);
    if (status == CT_OK && director && strcmp(held.position, "staff") != 0) {
        return refuse(run, "director", "A library's director is one of its staff: %.80s is not.",
                      held.name);
    }
    if (status == CT_OK && chair && strcmp(held.position, "trustee") != 0) {
        return refuse(run, "board_chair",
                      "A library's board chair is one of its trustees: %.80s is not.", held.name);
    }
    return status;
}

/* Names the person the library's director or board chair (or no longer) as the line says. */
static enum ct_status take_officers(struct people_run *run, int64_t library_id, int64_t person_id,
                                    struct ct_err *err)
{
    bool director, chair, director_given, chair_given;
    if (!read_flag(cell(run, COLUMN_DIRECTOR), &director, &director_given)) {
        return refuse(run, "director", "Write yes or no.");
    }
    if (!read_flag(cell(run, COLUMN_BOARD_CHAIR), &chair, &chair_given)) {
        return refuse(run, "board_chair", "Write yes or no.");
    }
    struct library_officers library;
    bool found = false;
    enum ct_status status = check_officer_positions(run, person_id, director, chair, err);
    status = status != CT_OK
                 ? status
                 : store_library_officers_get(run->rows.store, library_id, &library, &found, err);
    const struct library_officers_input input = {
        library_id, office_after(library.director_id, person_id, director_given, director),
        office_after(library.board_chair_id, person_id, chair_given, chair)};
    if (status != CT_OK || (input.director_id == library.director_id &&
                            input.board_chair_id == library.board_chair_id)) {
        return status;
    }
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_library_officers(run->rows.store, run->rows.actor, &input, &outcome);
    run->updated = true;
    return action_result(run, status, &outcome, false, err);
}

/* True when the line gives something of a person. */
static bool names_a_person(const struct people_run *run)
{
    for (int column = COLUMN_EMAIL; column < PEOPLE_COLUMNS; column++) {
        if (cell(run, (enum people_column)column)[0] != '\0') {
            return true;
        }
    }
    return false;
}

static enum ct_status take_line(struct people_run *run, struct ct_err *err)
{
    int64_t library_id = 0, person_id = 0;
    enum ct_status status = take_library(run, &library_id, err);
    if (status != CT_OK || !names_a_person(run)) {
        return status;
    }
    if (given(run, COLUMN_EMAIL) == NULL) {
        return refuse(run, "email",
                      "Give the person's e-mail address, or leave the person's columns empty.");
    }
    status = take_person(run, library_id, &person_id, err);
    return status != CT_OK ? status : take_officers(run, library_id, person_id, err);
}

/* Takes the line in a savepoint of its own: a refused line keeps nothing. */
static enum ct_status take_line_apart(struct people_run *run, struct ct_err *err)
{
    struct action_outcome line;
    action_outcome_init(&line);
    run->created = run->updated = false;
    run->reason[0] = '\0';
    enum ct_status status = action_begin(run->rows.store, &line);
    if (status != CT_OK) {
        *err = line.err;
        return status;
    }
    status = take_line(run, err);
    if (status != CT_OK) {
        (void)action_discard(run->rows.store);
        return status == CT_ERR_INPUT
                   ? import_rows_keep_line(&run->rows, RECORD_LINE_REFUSED, run->reason, err)
                   : status;
    }
    status = action_end(run->rows.store, CT_OK, &line);
    if (status != CT_OK) {
        *err = line.err;
        return status;
    }
    enum record_line_outcome outcome = run->created   ? RECORD_LINE_CREATED
                                       : run->updated ? RECORD_LINE_UPDATED
                                                      : RECORD_LINE_UNCHANGED;
    return import_rows_keep_line(&run->rows, outcome, NULL, err);
}

static enum ct_status read_line(void *context, struct ct_err *err)
{
    struct people_run *run = context;
    if (cell(run, COLUMN_EMAIL)[0] != '\0') {
        snprintf(run->rows.what, sizeof run->rows.what, "%.128s at library %.64s",
                 cell(run, COLUMN_EMAIL), cell(run, COLUMN_LIBRARY_ID));
    } else {
        snprintf(run->rows.what, sizeof run->rows.what, "library %.64s",
                 cell(run, COLUMN_LIBRARY_ID));
    }
    if (run->rows.record->problem != NULL) {
        return import_rows_keep_line(&run->rows, RECORD_LINE_REFUSED, run->rows.record->problem,
                                     err);
    }
    return take_line_apart(run, err);
}

enum ct_status action_people_import(struct store *store, const struct actor *actor,
                                    const struct people_import_input *input,
                                    struct people_import_result *result,
                                    struct action_outcome *outcome)
{
    struct people_run run = {.rows = {.store = store, .actor = actor, .format = &people_format}};
    const struct import_rows_file file = {
        input->source,        input->file_name, input->via, input->dry_run,
        input->refused_shown, read_line,        &run};
    const struct import_rows_result kept = {&result->import_id, &result->counts,
                                            result->file_sha256, &result->refused};
    return import_rows_run(&run.rows, &file, &kept, outcome);
}
