#include "person_forms.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../store/store_libraries.h"
#include "../../store/store_people_search.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

enum { CHOICES_MAX = 500 };

const char *person_forms_error(const struct action_outcome *outcome, const char *field)
{
    const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, field) : NULL;
    return fault != NULL ? fault->message : NULL;
}

void person_forms_refused(struct html *h, const char *heading, const struct action_outcome *outcome,
                          bool moving)
{
    if (outcome->fault_count == 0) {
        html_slim_error(h, outcome->err.message, false);
        return;
    }
    const struct error_summary_field fields[] = {
        {"name", NULL, "Name"},
        {"email", NULL, "E-mail address"},
        {"library", moving ? "move-library" : "library", "Library"},
        {"moved_on", NULL, "The day of the move"},
        {"position", moving ? "move-position" : "position", "Position"},
        {"roles", NULL, "Roles"},
        {"verifier", NULL, "Verifier"},
        {"director", NULL, "Director"},
        {"board_chair", NULL, "Board chair"},
    };
    html_error_summary(h, heading, outcome, fields, sizeof fields / sizeof fields[0]);
}

/* The role's control ids: "role-NAME" and "began-NAME". */
static void role_ids(const struct role *role, char *check, char *began, size_t size)
{
    snprintf(check, size, "role-%s", role->name);
    snprintf(began, size, "began-%s", role->name);
}

static void role_row(struct html *h, const struct web_request *request,
                     const struct person_view *person, bool typed, const struct role *role)
{
    char check[64], began[64], day[CIVIL_DATE_TEXT_SIZE] = "", label[96];
    role_ids(role, check, began, sizeof check);
    bool held = false;
    for (size_t i = 0; person != NULL && i < person->held_count; i++) {
        if (person->held[i].bit == role->bit) {
            held = true;
            if (civil_date_is_set(person->held[i].began)) {
                civil_date_format(person->held[i].began, day);
            }
        }
    }
    const char *checked = typed ? web_form_value(request, check) : (held ? "yes" : NULL);
    html_field(h,
               &(struct form_field){
                   .id = check, .label = role->label, .control = FORM_CHECKBOX, .value = checked});
    snprintf(label, sizeof label, "%s: the day the role began", role->label);
    html_field(h, &(struct form_field){.id = began,
                                       .label = label,
                                       .control = FORM_INPUT,
                                       .type = "date",
                                       .value = typed ? web_form_value(request, began) : day});
}

void person_forms_roles(struct html *h, const struct web_request *request,
                        const struct person_view *person, bool typed, bool state_roles,
                        const char *error)
{
    html_group_begin(h, error != NULL);
    html_markup(h, "<fieldset class=\"usa-fieldset\" id=\"roles\"><legend class=\"usa-legend\">"
                   "Roles</legend>\n<span class=\"usa-hint\">A director's hire day, as the"
                   " day their roles began, starts the window in which they certify.</span>\n");
    html_field_error(h, "roles", error);
    for (size_t i = 0; i < ROLE_COUNT; i++) {
        const struct role *role = &role_table[i];
        if (state_roles || (role->bit & (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)) == 0) {
            role_row(h, request, person, typed, role);
        }
    }
    html_markup(h, "</fieldset></div>\n");
}

void person_forms_roles_text(const struct web_request *request, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < ROLE_COUNT && used < size; i++) {
        char check[64], began[64];
        role_ids(&role_table[i], check, began, sizeof check);
        const char *value = web_form_value(request, check);
        if (value == NULL || value[0] == '\0') {
            continue;
        }
        const char *day = web_form_value(request, began);
        int written = snprintf(out + used, size - used, "%s%s%s\n", role_table[i].name,
                               day != NULL && day[0] != '\0' ? " " : "", day != NULL ? day : "");
        used += written > 0 ? (size_t)written : 0;
    }
}

void person_forms_position(struct html *h, const char *id, const char *chosen, const char *error)
{
    static const struct form_option positions[] = {
        {"staff", "Staff"},
        {"trustee", "Trustee"},
        {"none", "None (State Library staff)"},
    };
    html_field(h, &(struct form_field){.id = id,
                                       .name = "position",
                                       .label = "Position at the library",
                                       .error = error,
                                       .control = FORM_SELECT,
                                       .value = chosen,
                                       .options = positions,
                                       .option_count = 3});
}

/* Adds the option (value, label), copied into the request's arena. */
static void add_choice(struct web_request *request, struct form_option *options, size_t *count,
                       const char *value, const char *label)
{
    char *v = arena_strdup(&request->arena, value);
    char *l = arena_strdup(&request->arena, label);
    if (v != NULL && l != NULL && *count < CHOICES_MAX) {
        options[(*count)++] = (struct form_option){v, l};
    }
}

void person_forms_library(struct web_request *request, struct html *h, const char *id,
                          const char *label, const char *chosen, bool with_none, const char *error)
{
    struct form_option *options = arena_calloc(&request->arena, CHOICES_MAX, sizeof *options);
    size_t count = 0;
    struct store_rows rows = {.size = sizeof(struct library_row)};
    int64_t total = 0;
    struct ct_err err = {0};
    struct store_page page = {STORE_LIBRARY_NAME, false, CHOICES_MAX - 1, 0};
    html_fail(h, options == NULL
                     ? CT_ERR_NOMEM
                     : store_libraries_list(request->store, 0, NULL, &page, &rows, &total, &err));
    if (options != NULL && with_none) {
        add_choice(request, options, &count, "none", "No library (State Library staff)");
    }
    const struct library_row *library = rows.items;
    for (size_t i = 0; options != NULL && i < rows.count; i++) {
        char value[24];
        snprintf(value, sizeof value, "%" PRId64, library[i].library.id);
        add_choice(request, options, &count, value, library[i].library.name);
    }
    store_rows_release(&rows);
    html_field(h, &(struct form_field){.id = id,
                                       .name = "library",
                                       .label = label,
                                       .error = error,
                                       .control = FORM_SELECT,
                                       .value = chosen,
                                       .options = options,
                                       .option_count = count});
}

void person_forms_person(struct web_request *request, struct html *h, const char *id,
                         const char *label, int64_t library_id, const char *position,
                         const char *first_value, const char *first_label, int64_t chosen_id,
                         const char *error)
{
    struct form_option *options = arena_calloc(&request->arena, CHOICES_MAX, sizeof *options);
    size_t count = 0;
    struct store_rows rows = {.size = sizeof(struct people_row)};
    int64_t total = 0;
    struct ct_err err = {0};
    struct people_scope scope = {.library_id = library_id > 0 ? library_id : -1};
    struct store_page page = {STORE_PEOPLE_NAME, false, CHOICES_MAX - 1, 0};
    html_fail(h, options == NULL ? CT_ERR_NOMEM
                                 : store_people_search(request->store, NULL, &scope, &page, &rows,
                                                       &total, &err));
    if (options != NULL) {
        add_choice(request, options, &count, first_value, first_label);
    }
    const struct people_row *person = rows.items;
    for (size_t i = 0; options != NULL && i < rows.count; i++) {
        if (position == NULL || strcmp(person[i].position, position) == 0) {
            char value[24];
            snprintf(value, sizeof value, "%" PRId64, person[i].id);
            add_choice(request, options, &count, value, person[i].name);
        }
    }
    store_rows_release(&rows);
    char chosen[24];
    snprintf(chosen, sizeof chosen, "%" PRId64, chosen_id);
    html_field(h, &(struct form_field){.id = id,
                                       .label = label,
                                       .error = error,
                                       .control = FORM_SELECT,
                                       .value = chosen_id > 0 ? chosen : first_value,
                                       .options = options,
                                       .option_count = count});
}

int64_t person_forms_id(const struct web_request *request, const char *name)
{
    const char *value = web_form_value(request, name);
    if (value == NULL) {
        return 0;
    }
    char *end = NULL;
    long long id = strtoll(value, &end, 10);
    return end != value && *end == '\0' && id > 0 ? id : 0;
}
