#include "libraries.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/store_libraries.h"
#include "../store/store_library_edits.h"
#include "../store/store_people.h"
#include "coordinator.h"
#include "../core/banned.h"

const char *const library_kinds[] = {"public", "tribal-college", "academic",
                                     "school", "special",        NULL};

static const char *const kind_labels[] = {"Public", "Tribal college", "Academic", "School",
                                          "Special"};

const char *library_kind_known(const char *name)
{
    for (size_t i = 0; name != NULL && library_kinds[i] != NULL; i++) {
        if (strcmp(library_kinds[i], name) == 0) {
            return library_kinds[i];
        }
    }
    return NULL;
}

const char *library_kind_label(const char *kind)
{
    for (size_t i = 0; kind != NULL && library_kinds[i] != NULL; i++) {
        if (strcmp(library_kinds[i], kind) == 0) {
            return kind_labels[i];
        }
    }
    return kind != NULL ? kind : "";
}

/* The library as it will be: what was stored, with what the input changes. */
struct library_draft {
    struct library_view stored;
    struct library_fields fields;
    int64_t consultants[LIBRARY_CONSULTANTS_MAX];
    char *consultants_text; /* owned: the typed list, cut into names */
};

static void draft_release(struct library_draft *draft)
{
    free(draft->consultants_text);
}

static char *trimmed(char *text)
{
    while (isspace((unsigned char)*text)) {
        text++;
    }
    size_t length = strlen(text);
    while (length > 0 && isspace((unsigned char)text[length - 1])) {
        text[--length] = '\0';
    }
    return text;
}

/* One typed consultant: a person, holding the consultant role. */
static enum ct_status add_consultant(struct store *store, const char *name,
                                     struct library_draft *draft, struct action_outcome *outcome)
{
    int64_t id = 0;
    struct ct_err err = {0};
    enum ct_status status = store_person_find(store, name, &id, &err);
    if (status == CT_ERR_INPUT) {
        action_fault(outcome, "consultants", "No one has the e-mail address or id \"%.80s\".",
                     name);
        return CT_OK;
    }
    struct person_roles person;
    bool found = false;
    status = status == CT_OK ? store_person_get_roles(store, id, &person, &found, &err) : status;
    if (status != CT_OK) {
        outcome->err = err;
        return status;
    }
    if (!found || (person.roles & ROLE_CONSULTANT) == 0) {
        action_fault(outcome, "consultants", "%.80s is not a consultant.", name);
    } else if (draft->fields.consultant_count == LIBRARY_CONSULTANTS_MAX) {
        action_fault(outcome, "consultants", "Give at most %d consultants.",
                     LIBRARY_CONSULTANTS_MAX);
    } else {
        draft->consultants[draft->fields.consultant_count++] = id;
    }
    return CT_OK;
}

/* The typed consultants (one a line, or separated by commas) as person ids. */
static enum ct_status read_consultants(struct store *store, const char *text,
                                       struct library_draft *draft, struct action_outcome *outcome)
{
    draft->consultants_text = strdup(text);
    if (draft->consultants_text == NULL) {
        return ct_err_nomem(&outcome->err);
    }
    enum ct_status status = CT_OK;
    char *cursor = draft->consultants_text;
    while (status == CT_OK && cursor != NULL) {
        char *next = strpbrk(cursor, ",\n");
        if (next != NULL) {
            *next++ = '\0';
        }
        char *name = trimmed(cursor);
        if (name[0] != '\0') {
            status = add_consultant(store, name, draft, outcome);
        }
        cursor = next;
    }
    draft->fields.consultants = draft->consultants;
    return status;
}

/* The stored consultants, kept by an edit that does not name them. */
static enum ct_status keep_consultants(struct store *store, struct library_draft *draft,
                                       struct action_outcome *outcome)
{
    struct store_rows rows = {.size = sizeof(struct consultant_row)};
    enum ct_status status =
        store_library_consultants(store, draft->stored.id, &rows, &outcome->err);
    const struct consultant_row *consultants = rows.items;
    for (size_t i = 0; status == CT_OK && i < rows.count && i < LIBRARY_CONSULTANTS_MAX; i++) {
        draft->consultants[draft->fields.consultant_count++] = consultants[i].id;
    }
    draft->fields.consultants = draft->consultants;
    store_rows_release(&rows);
    return status;
}

static const char *either(const char *typed, const char *stored)
{
    return typed != NULL ? typed : stored;
}

/* Checks every field of the library as it will be, noting each fault. */
static enum ct_status check_fields(struct store *store, const struct library_input *input,
                                   struct library_draft *draft, struct action_outcome *outcome)
{
    struct library_fields *fields = &draft->fields;
    fields->name = trimmed((char *)either(input->name, draft->stored.name));
    fields->city = either(input->city, draft->stored.city);
    const char *kind = either(input->kind, draft->stored.id != 0 ? draft->stored.kind : "public");
    fields->kind = library_kind_known(kind);
    fields->external_id = either(input->external_id, draft->stored.external_id);
    if (fields->name[0] == '\0') {
        action_fault(outcome, "name", "Enter the library's name.");
    }
    if (fields->city[0] == '\0') {
        action_fault(outcome, "city", "Enter the library's city.");
    }
    if (fields->kind == NULL) {
        action_fault(outcome, "kind",
                     "Choose the kind: public, tribal-college, academic, school or special.");
    }
    int64_t holder = 0;
    enum ct_status status = CT_OK;
    if (fields->external_id[0] != '\0') {
        status =
            store_library_external_id_holder(store, fields->external_id, &holder, &outcome->err);
    }
    if (status == CT_OK && holder != 0 && holder != draft->stored.id) {
        action_fault(outcome, "external_id", "Another library has the external id \"%.80s\".",
                     fields->external_id);
    }
    if (status == CT_OK) {
        status = input->consultants != NULL
                     ? read_consultants(store, input->consultants, draft, outcome)
                     : keep_consultants(store, draft, outcome);
    }
    return status;
}

enum ct_status action_library_add(struct store *store, const struct actor *actor,
                                  const struct library_input *input, struct library_result *result,
                                  struct action_outcome *outcome)
{
    result->id = 0;
    struct library_draft draft = {0};
    struct library_input typed = *input;
    typed.name = typed.name != NULL ? typed.name : "";
    typed.city = typed.city != NULL ? typed.city : "";
    typed.consultants = typed.consultants != NULL ? typed.consultants : "";
    char name[sizeof draft.stored.name];
    snprintf(name, sizeof name, "%s", typed.name);
    typed.name = name;
    enum ct_status status = check_fields(store, &typed, &draft, outcome);
    if (status == CT_OK) {
        status = coordinator_begin(store, actor, "adds a library", outcome);
    }
    if (status == CT_OK) {
        status =
            store_library_add(store, actor->person_id, &draft.fields, &result->id, &outcome->err);
        status = action_end(store, status, outcome);
    }
    draft_release(&draft);
    return status;
}

/* Reads the library acted on into *library; refuses when there is none, or (when
 * open_only) when it is closed. */
static enum ct_status library_acted_on(struct store *store, int64_t library_id,
                                       struct library_view *library, const char *doing,
                                       struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status = store_library_get(store, library_id, library, &found, &outcome->err);
    if (status == CT_OK && !found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "library", "There is no library %lld.",
                             (long long)library_id);
    }
    if (status == CT_OK && library->closed_on[0] != '\0') {
        return action_refuse(outcome, ACTION_WRONG_STATE, "library",
                             "%s closed on %s: a closed library is not %s.", library->name,
                             library->closed_on, doing);
    }
    return status;
}

enum ct_status action_library_edit(struct store *store, const struct actor *actor,
                                   const struct library_input *input,
                                   struct action_outcome *outcome)
{
    struct library_draft draft = {0};
    enum ct_status status = coordinator_only(actor, "edits a library", outcome);
    if (status == CT_OK) {
        status = library_acted_on(store, input->library_id, &draft.stored, "edited", outcome);
    }
    char name[sizeof draft.stored.name];
    struct library_input typed = *input;
    if (typed.name != NULL) {
        snprintf(name, sizeof name, "%s", typed.name);
        typed.name = name;
    }
    if (status == CT_OK) {
        status = check_fields(store, &typed, &draft, outcome);
    }
    if (status == CT_OK) {
        status = coordinator_begin(store, actor, "edits a library", outcome);
    }
    if (status == CT_OK) {
        status = store_library_update(store, actor->person_id, input->library_id, &draft.fields,
                                      &outcome->err);
        status = action_end(store, status, outcome);
    }
    draft_release(&draft);
    return status;
}

enum ct_status action_library_close(struct store *store, const struct actor *actor,
                                    const struct library_close_input *input,
                                    struct action_outcome *outcome)
{
    struct civil_date day = actor->today;
    if (input->closed_on != NULL && input->closed_on[0] != '\0' &&
        !civil_date_parse(input->closed_on, &day)) {
        action_fault(outcome, "closed_on", "Enter the closing day as YYYY-MM-DD.");
    }
    enum ct_status status = coordinator_begin(store, actor, "closes a library", outcome);
    if (status != CT_OK) {
        return status;
    }
    struct library_view library;
    status = library_acted_on(store, input->library_id, &library, "closed again", outcome);
    if (status == CT_OK) {
        status =
            store_library_close(store, actor->person_id, input->library_id, day, &outcome->err);
    }
    return action_end(store, status, outcome);
}
