#include "program.h"

#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "banned.h"

static const char *const program_keys[] = {
    "id",
    "name",
    "issuer",
    "description",
    "total_credits",
    "window_years",
    "categories",
    "activity_kinds",
    "prerequisite_certificates",
    "plan_required",
    "final_report_required",
    "successor",
    "ends_on_award",
    "considerations",
    "sources",
    NULL,
};

static const char *const category_keys[] = {"id", "name", "minimum_credits", NULL};

/* The parameters each kind takes in "activity_kinds". */
static const char *const no_keys[] = {NULL};
static const char *const archived_webinar_keys[] = {"max_age_years", NULL};
static const char *const college_keys[] = {"credits_per_semester_credit",
                                           "credits_per_quarter_credit", NULL};
static const char *const presenting_keys[] = {"credits_per_hour", "max_per_topic", NULL};
static const char *const self_directed_keys[] = {"minutes_per_half_credit", "max_credits",
                                                 "must_be_planned", NULL};

static const char *const *kind_keys(enum activity_kind kind)
{
    switch (kind) {
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        return archived_webinar_keys;
    case ACTIVITY_KIND_COLLEGE:
        return college_keys;
    case ACTIVITY_KIND_PRESENTING:
        return presenting_keys;
    case ACTIVITY_KIND_SELF_DIRECTED:
        return self_directed_keys;
    default:
        return no_keys;
    }
}

/* Ids are lower-case ASCII letters, digits and inner hyphens: they appear in URLs,
 * file names and blocking codes. */
static bool is_identifier(const char *text)
{
    size_t length = strlen(text);
    if (length == 0 || length > 64 || text[0] == '-' || text[length - 1] == '-') {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

/* Checks that text is an id and copies it into the program's arena. */
static enum ct_status copy_identifier(struct program *program, const char *text, const char *where,
                                      const char **out, struct ct_err *err)
{
    if (!is_identifier(text)) {
        return ct_err_set(err, CT_ERR_INPUT, where,
                          "not an id (lower-case letters, digits and hyphens): \"%.64s\"", text);
    }
    *out = arena_strdup(&program->arena, text);
    return *out != NULL ? CT_OK : ct_err_nomem(err);
}

static enum ct_status read_identifier(struct program *program, const json_t *object,
                                      const char *prefix, const char *key, bool required,
                                      const char **out, struct ct_err *err)
{
    const char *text;
    *out = NULL;
    enum ct_status status = json_read_string(object, prefix, key, required, &text, err);
    if (status != CT_OK || text == NULL) {
        return status;
    }
    char where[JSON_PATH_SIZE];
    json_path_field(where, prefix, key);
    return copy_identifier(program, text, where, out, err);
}

static enum ct_status read_text(struct program *program, const json_t *object, const char *key,
                                bool required, const char **out, struct ct_err *err)
{
    const char *text;
    enum ct_status status = json_read_string(object, "", key, required, &text, err);
    if (status != CT_OK) {
        return status;
    }
    *out = arena_strdup(&program->arena, text != NULL ? text : "");
    return *out != NULL ? CT_OK : ct_err_nomem(err);
}

static enum ct_status read_category(struct program *program, const json_t *value, const char *where,
                                    struct program_category *category, struct ct_err *err)
{
    enum ct_status status = json_read_expect_object(value, where, err);
    if (status == CT_OK) {
        status = json_read_only_keys(value, where, category_keys, err);
    }
    if (status == CT_OK) {
        status = read_identifier(program, value, where, "id", true, &category->id, err);
    }
    const char *name = NULL;
    if (status == CT_OK) {
        status = json_read_string(value, where, "name", true, &name, err);
    }
    if (status == CT_OK) {
        category->name = arena_strdup(&program->arena, name);
        status = category->name != NULL ? CT_OK : ct_err_nomem(err);
    }
    if (status == CT_OK) {
        status = json_read_credits_or_zero(value, where, "minimum_credits", true,
                                           &category->minimum_halves, err);
    }
    return status;
}

static enum ct_status read_categories(struct program *program, const json_t *root,
                                      struct ct_err *err)
{
    json_t *array;
    enum ct_status status = json_read_array(root, "", "categories", true, &array, err);
    if (status != CT_OK) {
        return status;
    }
    size_t count = json_array_size(array);
    if (count > PROGRAM_MAX_CATEGORIES) {
        return ct_err_set(err, CT_ERR_INPUT, "categories", "more than %d categories",
                          PROGRAM_MAX_CATEGORIES);
    }
    program->categories = arena_calloc(&program->arena, count, sizeof *program->categories);
    if (program->categories == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < count; i++) {
        char where[JSON_PATH_SIZE];
        json_path_index(where, "categories", i);
        status =
            read_category(program, json_array_get(array, i), where, &program->categories[i], err);
        if (status != CT_OK) {
            return status;
        }
        if (program_category_index(program, program->categories[i].id) >= 0) {
            return ct_err_set(err, CT_ERR_INPUT, where, "duplicate category id \"%s\"",
                              program->categories[i].id);
        }
        program->category_count = i + 1;
    }
    return CT_OK;
}

/* A conversion factor: a positive multiple of 0.5, in half-credits. */
static enum ct_status read_factor(const json_t *object, const char *where, const char *key,
                                  int64_t *halves, struct ct_err *err)
{
    return json_read_credits(object, where, key, true, halves, err);
}

static enum ct_status read_kind_parameters(enum activity_kind kind, const json_t *value,
                                           const char *where, struct kind_rule *rule,
                                           struct ct_err *err)
{
    enum ct_status status = CT_OK;
    int64_t number = 0;
    switch (kind) {
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        status = json_read_integer(value, where, "max_age_years", true, 1, PROGRAM_MAX_WINDOW_YEARS,
                                   &number, err);
        rule->max_age_years = (int32_t)number;
        break;
    case ACTIVITY_KIND_COLLEGE:
        status = read_factor(value, where, "credits_per_semester_credit",
                             &rule->semester_credit_halves, err);
        if (status == CT_OK) {
            status = read_factor(value, where, "credits_per_quarter_credit",
                                 &rule->quarter_credit_halves, err);
        }
        break;
    case ACTIVITY_KIND_PRESENTING:
        status = read_factor(value, where, "credits_per_hour", &rule->credits_per_hour_halves, err);
        if (status == CT_OK) {
            status = json_read_integer(value, where, "max_per_topic", false, 1, 1000, &number, err);
            rule->max_per_topic = (int32_t)number;
        }
        break;
    case ACTIVITY_KIND_SELF_DIRECTED:
        status = json_read_integer(value, where, "minutes_per_half_credit", true, 1, 24 * 60,
                                   &number, err);
        rule->minutes_per_half_credit = (int32_t)number;
        if (status == CT_OK) {
            status = json_read_credits(value, where, "max_credits", false, &rule->max_halves, err);
        }
        if (status == CT_OK) {
            status =
                json_read_bool(value, where, "must_be_planned", true, &rule->must_be_planned, err);
        }
        break;
    default:
        break;
    }
    return status;
}

static enum ct_status read_activity_kinds(struct program *program, const json_t *root,
                                          struct ct_err *err)
{
    json_t *kinds;
    enum ct_status status = json_read_object(root, "", "activity_kinds", true, &kinds, err);
    if (status != CT_OK) {
        return status;
    }
    if (json_object_size(kinds) == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "activity_kinds", "accepts no kind of activity");
    }
    const char *name;
    json_t *value;
    json_object_foreach(kinds, name, value)
    {
        char where[JSON_PATH_SIZE];
        json_path_field(where, "activity_kinds", name);
        enum activity_kind kind;
        if (!activity_kind_from_name(name, &kind)) {
            return ct_err_set(err, CT_ERR_INPUT, where, "unknown activity kind");
        }
        status = json_read_expect_object(value, where, err);
        if (status == CT_OK) {
            status = json_read_only_keys(value, where, kind_keys(kind), err);
        }
        if (status == CT_OK) {
            status = read_kind_parameters(kind, value, where, &program->kinds[kind], err);
        }
        if (status != CT_OK) {
            return status;
        }
        program->kinds[kind].accepted = true;
    }
    return CT_OK;
}

/* Reads an optional array of program ids at key into *ids (the program's arena). */
static enum ct_status read_program_ids(struct program *program, const json_t *root, const char *key,
                                       size_t limit, const char ***ids, size_t *count,
                                       struct ct_err *err)
{
    json_t *array;
    enum ct_status status = json_read_array(root, "", key, false, &array, err);
    if (status != CT_OK || array == NULL) {
        return status;
    }
    size_t size = json_array_size(array);
    if (size > limit) {
        return ct_err_set(err, CT_ERR_INPUT, key, "more than %zu programs", limit);
    }
    *ids = arena_calloc(&program->arena, size + 1, sizeof(char *));
    if (*ids == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < size; i++) {
        char where[JSON_PATH_SIZE];
        json_path_index(where, key, i);
        const json_t *value = json_array_get(array, i);
        if (!json_is_string(value)) {
            return ct_err_set(err, CT_ERR_INPUT, where, "expected a program id");
        }
        status = copy_identifier(program, json_string_value(value), where, &(*ids)[i], err);
        for (size_t k = 0; status == CT_OK && k < i; k++) {
            if (strcmp((*ids)[k], (*ids)[i]) == 0) {
                status = ct_err_set(err, CT_ERR_INPUT, where, "\"%s\" is listed twice", (*ids)[i]);
            }
        }
        if (status != CT_OK) {
            return status;
        }
        *count = i + 1;
    }
    return CT_OK;
}

static enum ct_status read_prerequisites(struct program *program, const json_t *root,
                                         struct ct_err *err)
{
    return read_program_ids(program, root, "prerequisite_certificates", PROGRAM_MAX_PREREQUISITES,
                            &program->prerequisites, &program->prerequisite_count, err);
}

/* "considerations": questions for people, each a non-empty text. */
static enum ct_status read_considerations(struct program *program, const json_t *root,
                                          struct ct_err *err)
{
    json_t *array;
    enum ct_status status = json_read_array(root, "", "considerations", false, &array, err);
    if (status != CT_OK || array == NULL) {
        return status;
    }
    size_t size = json_array_size(array);
    if (size > PROGRAM_MAX_CONSIDERATIONS) {
        return ct_err_set(err, CT_ERR_INPUT, "considerations", "more than %d questions",
                          PROGRAM_MAX_CONSIDERATIONS);
    }
    program->considerations = arena_calloc(&program->arena, size + 1, sizeof(char *));
    if (program->considerations == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < size; i++) {
        char where[JSON_PATH_SIZE];
        json_path_index(where, "considerations", i);
        const json_t *value = json_array_get(array, i);
        if (!json_is_string(value) || json_string_length(value) == 0) {
            return ct_err_set(err, CT_ERR_INPUT, where, "expected a question (non-empty text)");
        }
        program->considerations[i] = arena_strdup(&program->arena, json_string_value(value));
        if (program->considerations[i] == NULL) {
            return ct_err_nomem(err);
        }
        program->consideration_count = i + 1;
    }
    return CT_OK;
}

static enum ct_status read_program(struct program *program, const json_t *root, struct ct_err *err)
{
    enum ct_status status = json_read_expect_object(root, "", err);
    if (status == CT_OK) {
        status = json_read_only_keys(root, "", program_keys, err);
    }
    if (status == CT_OK) {
        status = read_identifier(program, root, "", "id", true, &program->id, err);
    }
    if (status == CT_OK) {
        status = read_text(program, root, "name", true, &program->name, err);
    }
    if (status == CT_OK) {
        status = read_text(program, root, "issuer", true, &program->issuer, err);
    }
    if (status == CT_OK) {
        status = read_text(program, root, "description", false, &program->description, err);
    }
    if (status == CT_OK) {
        status = json_read_credits(root, "", "total_credits", true, &program->total_halves, err);
    }
    int64_t window_years = 0;
    if (status == CT_OK) {
        status = json_read_integer(root, "", "window_years", true, 1, PROGRAM_MAX_WINDOW_YEARS,
                                   &window_years, err);
        program->window_years = (int32_t)window_years;
    }
    if (status == CT_OK) {
        status = read_categories(program, root, err);
    }
    if (status == CT_OK) {
        status = read_activity_kinds(program, root, err);
    }
    if (status == CT_OK) {
        status = read_prerequisites(program, root, err);
    }
    if (status == CT_OK) {
        status = json_read_bool(root, "", "plan_required", true, &program->plan_required, err);
    }
    if (status == CT_OK) {
        status = json_read_bool(root, "", "final_report_required", true,
                                &program->final_report_required, err);
    }
    if (status == CT_OK) {
        status = read_identifier(program, root, "", "successor", true, &program->successor, err);
    }
    if (status == CT_OK) {
        status = read_program_ids(program, root, "ends_on_award", PROGRAM_MAX_ENDS_ON_AWARD,
                                  &program->ends_on_award, &program->ends_on_award_count, err);
    }
    if (status == CT_OK) {
        status = read_considerations(program, root, err);
    }
    json_t *sources;
    if (status == CT_OK) {
        status = json_read_array(root, "", "sources", false, &sources, err);
    }
    return status;
}

enum ct_status program_parse(const char *text, size_t length, struct program **out,
                             struct ct_err *err)
{
    *out = NULL;
    json_t *root = NULL;
    enum ct_status status = json_read_document(text, length, &root, err);
    if (status != CT_OK) {
        return status;
    }
    struct program *program = calloc(1, sizeof *program);
    if (program == NULL) {
        json_decref(root);
        return ct_err_nomem(err);
    }
    arena_init(&program->arena);
    status = read_program(program, root, err);
    json_decref(root);
    if (status != CT_OK) {
        program_free(program);
        return status;
    }
    *out = program;
    return CT_OK;
}

void program_free(struct program *program)
{
    if (program == NULL) {
        return;
    }
    arena_release(&program->arena);
    free(program);
}

int program_category_index(const struct program *program, const char *category_id)
{
    for (size_t i = 0; i < program->category_count; i++) {
        if (strcmp(program->categories[i].id, category_id) == 0) {
            return (int)i;
        }
    }
    return -1;
}

bool program_set_knows_category(const struct program_set *set, const char *category_id)
{
    for (size_t i = 0; category_id != NULL && i < set->count; i++) {
        if (program_category_index(set->programs[i], category_id) >= 0) {
            return true;
        }
    }
    return false;
}

void program_set_init(struct program_set *set)
{
    set->programs = NULL;
    set->count = 0;
    set->capacity = 0;
}

void program_set_release(struct program_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        program_free(set->programs[i]);
    }
    free(set->programs);
    program_set_init(set);
}

enum ct_status program_set_add(struct program_set *set, struct program *program, struct ct_err *err)
{
    if (program_set_find(set, program->id) != NULL) {
        enum ct_status status =
            ct_err_set(err, CT_ERR_INPUT, "id", "another program has the id \"%s\"", program->id);
        program_free(program);
        return status;
    }
    if (set->count == set->capacity) {
        size_t capacity = set->capacity != 0 ? set->capacity * 2 : 8;
        struct program **programs = realloc(set->programs, capacity * sizeof *programs);
        if (programs == NULL) {
            program_free(program);
            return ct_err_nomem(err);
        }
        set->programs = programs;
        set->capacity = capacity;
    }
    set->programs[set->count++] = program;
    return CT_OK;
}

const struct program *program_set_find(const struct program_set *set, const char *id)
{
    for (size_t i = 0; i < set->count; i++) {
        if (strcmp(set->programs[i]->id, id) == 0) {
            return set->programs[i];
        }
    }
    return NULL;
}

const char *program_set_name(const struct program_set *set, const char *id)
{
    const struct program *program = id != NULL ? program_set_find(set, id) : NULL;
    return program != NULL && program->name != NULL ? program->name : id;
}

bool program_ends_on_award(const struct program *program, const char *other_id)
{
    for (size_t k = 0; k < program->ends_on_award_count; k++) {
        if (strcmp(program->ends_on_award[k], other_id) == 0) {
            return true;
        }
    }
    return false;
}

/* Each program ends_on_award names exists, and is neither program nor its successor. */
static enum ct_status check_ends_on_award(const struct program_set *set,
                                          const struct program *program, struct ct_err *err)
{
    for (size_t k = 0; k < program->ends_on_award_count; k++) {
        const char *id = program->ends_on_award[k];
        char where[JSON_PATH_SIZE];
        json_path_index(where, "ends_on_award", k);
        if (strcmp(id, program->id) == 0) {
            return ct_err_set(err, CT_ERR_INPUT, where,
                              "a program's award ends its own track already: \"%s\"", id);
        }
        if (strcmp(id, program->successor) == 0) {
            return ct_err_set(err, CT_ERR_INPUT, where,
                              "\"%s\" is the successor the award starts; it cannot also end it",
                              id);
        }
        if (program_set_find(set, id) == NULL) {
            return ct_err_set(err, CT_ERR_INPUT, where, "no program has the id \"%s\"", id);
        }
    }
    return CT_OK;
}

enum ct_status program_check_links(const struct program_set *set, const struct program *program,
                                   struct ct_err *err)
{
    if (program_set_find(set, program->successor) == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "successor", "no program has the id \"%s\"",
                          program->successor);
    }
    for (size_t k = 0; k < program->prerequisite_count; k++) {
        if (program_set_find(set, program->prerequisites[k]) == NULL) {
            char where[JSON_PATH_SIZE];
            json_path_index(where, "prerequisite_certificates", k);
            return ct_err_set(err, CT_ERR_INPUT, where, "no program has the id \"%s\"",
                              program->prerequisites[k]);
        }
    }
    return check_ends_on_award(set, program, err);
}
