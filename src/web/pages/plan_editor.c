#include "plan_editor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/slim_alert.h"
#include "plan_view.h"
#include "../../core/banned.h"

#define EDITOR_ROWS_MAX 64

/* ---- reading the form ---- */

static const char *row_value(const struct web_request *request, const char *rows, size_t n,
                             const char *name)
{
    char field[64];
    snprintf(field, sizeof field, "%s[%zu].%s", rows, n, name);
    return web_form_value(request, field);
}

static int64_t to_id(const char *text)
{
    return text != NULL ? strtoll(text, NULL, 10) : 0;
}

/* How many rows of rows the form sends (each has its id field). */
static size_t row_count(const struct web_request *request, const char *rows)
{
    size_t n = 0;
    while (n < EDITOR_ROWS_MAX + 1 && row_value(request, rows, n + 1, "id") != NULL) {
        n++;
    }
    return n;
}

/* N of action "prefix-N", 0 when action is not one. */
static size_t removed_row(const char *action, const char *prefix)
{
    size_t length = strlen(prefix);
    return strncmp(action, prefix, length) == 0 ? (size_t)strtoul(action + length, NULL, 10) : 0;
}

static bool read_goals(struct web_request *request, const char *action,
                       struct plan_draft_input *input)
{
    size_t count = row_count(request, "goals");
    struct plan_goal_edit *goals = arena_calloc(&request->arena, count + 1, sizeof *goals);
    if (count > EDITOR_ROWS_MAX || goals == NULL) {
        return false;
    }
    size_t removed = removed_row(action, "remove-goal-");
    for (size_t n = 1; n <= count; n++) {
        goals[n - 1] = (struct plan_goal_edit){
            to_id(row_value(request, "goals", n, "id")),
            to_id(row_value(request, "goals", n, "library_goal")),
            row_value(request, "goals", n, "goal"),
            row_value(request, "goals", n, "outcomes"),
            n == removed,
        };
    }
    input->goals = goals;
    input->goal_count = count;
    return true;
}

static bool read_items(struct web_request *request, const char *action,
                       struct plan_draft_input *input)
{
    size_t count = row_count(request, "items");
    struct plan_item_edit *items = arena_calloc(&request->arena, count + 1, sizeof *items);
    if (count > EDITOR_ROWS_MAX || items == NULL) {
        return false;
    }
    size_t removed = removed_row(action, "remove-item-");
    for (size_t n = 1; n <= count; n++) {
        struct plan_item_input item = {
            0,
            row_value(request, "items", n, "kind"),
            row_value(request, "items", n, "key"),
            row_value(request, "items", n, "description"),
            to_id(row_value(request, "items", n, "plan_goal")),
            row_value(request, "items", n, "hours"),
        };
        items[n - 1] = (struct plan_item_edit){to_id(row_value(request, "items", n, "id")), item,
                                               n == removed};
    }
    input->items = items;
    input->item_count = count;
    return true;
}

bool plan_editor_read(struct web_request *request, const char *action,
                      struct plan_draft_input *input)
{
    *input = (struct plan_draft_input){0};
    input->skill_gaps = web_form_value(request, "skill_gaps");
    input->learning_options = web_form_value(request, "learning_options");
    if (!read_goals(request, action, input) || !read_items(request, action, input)) {
        return false;
    }
    if (strcmp(action, "add-goal") == 0) {
        struct plan_goal_input *goal = arena_calloc(&request->arena, 1, sizeof *goal);
        if (goal == NULL) {
            return false;
        }
        *goal = (struct plan_goal_input){0, to_id(web_form_value(request, "library_goal")),
                                         web_form_value(request, "goal"),
                                         web_form_value(request, "outcomes")};
        input->new_goal = goal;
    }
    if (strcmp(action, "add-item") == 0) {
        struct plan_item_input *item = arena_calloc(&request->arena, 1, sizeof *item);
        if (item == NULL) {
            return false;
        }
        *item = (struct plan_item_input){
            0,
            web_form_value(request, "item_kind"),
            web_form_value(request, "item_key"),
            web_form_value(request, "description"),
            to_id(web_form_value(request, "plan_goal")),
            web_form_value(request, "hours"),
        };
        input->new_item = item;
    }
    return true;
}

bool plan_editor_marks_a_field(const struct action_outcome *outcome)
{
    for (size_t i = 0; i < outcome->fault_count; i++) {
        const char *field = outcome->faults[i].field;
        if (strncmp(field, "goals[", 6) == 0 || strncmp(field, "items[", 6) == 0 ||
            strncmp(field, "new_", 4) == 0) {
            return true;
        }
    }
    return false;
}

/* ---- writing the form ---- */

/* What the editor shows and marks. */
struct editor {
    struct web_request *request;
    struct html *h;
    const struct learning_plan *plan;
    const struct learning_version *draft;
    const struct action_outcome *outcome;
    bool refused;
    struct learning_library_goal *library;
    size_t library_count;
};

static const char *fault(const struct editor *e, const char *field)
{
    const struct action_fault *f = e->outcome != NULL ? action_fault_of(e->outcome, field) : NULL;
    return f != NULL ? f->message : NULL;
}

/* The value a field shows: what was typed when the save was refused, else saved. */
static const char *shown(const struct editor *e, const char *name, const char *saved)
{
    return e->refused ? web_form_value(e->request, name) : saved;
}

static void text_field(const struct editor *e, const char *name, const char *id, const char *label,
                       const char *saved, const char *fault_name, bool area, const char *type)
{
    struct form_field field = {
        .id = id,
        .name = name,
        .label = label,
        .error = fault(e, fault_name),
        .control = area ? FORM_TEXTAREA : FORM_INPUT,
        .type = type,
        .value = shown(e, name, saved),
    };
    html_field(e->h, &field);
}

static void id_text(char *out, size_t size, int64_t id)
{
    snprintf(out, size, "%lld", (long long)id);
}

/* The select of the library goals a goal serves: the library's, and the one it serves
 * now (which the library may have retired since). */
static void library_goal_field(const struct editor *e, const char *name, const char *id,
                               const char *label, const struct learning_goal *goal,
                               const char *fault_name)
{
    struct form_option *options =
        arena_calloc(&e->request->arena, e->library_count + 1, sizeof *options);
    if (options == NULL) {
        html_fail(e->h, CT_ERR_NOMEM);
        return;
    }
    size_t count = 0;
    bool current = goal == NULL;
    for (size_t i = 0; i < e->library_count; i++, count++) {
        char value[24], text[512];
        id_text(value, sizeof value, e->library[i].id);
        snprintf(text, sizeof text, "%s %s", e->library[i].code, e->library[i].title);
        options[count] = (struct form_option){arena_strdup(&e->request->arena, value),
                                              arena_strdup(&e->request->arena, text)};
        current = current || e->library[i].id == goal->library_goal_id;
    }
    char chosen[24] = "";
    if (goal != NULL) {
        id_text(chosen, sizeof chosen, goal->library_goal_id);
    }
    if (!current) {
        char text[512];
        snprintf(text, sizeof text, "%s %s", goal->library_goal_code, goal->library_goal_title);
        options[count++] = (struct form_option){arena_strdup(&e->request->arena, chosen),
                                                arena_strdup(&e->request->arena, text)};
    }
    const char *typed = shown(e, name, chosen);
    struct form_field field = {.id = id,
                               .name = name,
                               .label = label,
                               .error = fault(e, fault_name),
                               .control = FORM_SELECT,
                               .value = typed,
                               .options = options,
                               .option_count = count};
    html_field(e->h, &field);
}

/* A select's form group, label, fault (of fault_name, marking the group and the control)
 * and opening tag; the caller writes the options and closes "</select></div>". */
static void select_begin(const struct editor *e, const char *name, const char *id,
                         const char *label, const char *fault_name)
{
    const char *error = fault(e, fault_name);
    html_group_begin(e->h, error != NULL);
    html_markup(e->h, "<label class=\"usa-label\" for=\"");
    html_text(e->h, id);
    html_markup(e->h, "\">");
    html_text(e->h, label);
    html_markup(e->h, "</label>");
    html_field_error(e->h, id, error);
    html_markup(e->h, "<select class=\"usa-select\" id=\"");
    html_text(e->h, id);
    html_markup(e->h, "\" name=\"");
    html_text(e->h, name);
    if (error != NULL) {
        html_markup(e->h, "\" aria-invalid=\"true\" aria-describedby=\"");
        html_text(e->h, id);
        html_markup(e->h, "-error");
    }
    html_markup(e->h, "\">");
}

/* The goals of the draft as options of an item's goal ("None of them" first). */
static void plan_goal_field(const struct editor *e, const char *name, const char *id,
                            const char *label, int64_t saved, const char *fault_name)
{
    size_t count = 0;
    struct form_option *options =
        arena_calloc(&e->request->arena, e->plan->goal_count + 1, sizeof *options);
    if (options == NULL) {
        html_fail(e->h, CT_ERR_NOMEM);
        return;
    }
    options[count++] = (struct form_option){"0", "None of them"};
    for (size_t i = 0; i < e->plan->goal_count; i++) {
        if (e->plan->goals[i].version_id == e->draft->id) {
            char value[24];
            id_text(value, sizeof value, e->plan->goals[i].id);
            options[count++] = (struct form_option){arena_strdup(&e->request->arena, value),
                                                    e->plan->goals[i].goal};
        }
    }
    char chosen[24];
    id_text(chosen, sizeof chosen, saved);
    select_begin(e, name, id, label, fault_name);
    html_options(e->h, options, count, shown(e, name, chosen));
    html_markup(e->h, "</select></div>\n");
}

static void kind_field(const struct editor *e, const char *name, const char *id, const char *label,
                       const char *saved, const char *fault_name)
{
    static const struct form_option kinds[] = {{"training", "Training"},
                                               {"self-directed", "Self-directed learning"}};
    select_begin(e, name, id, label, fault_name);
    html_options(e->h, kinds, 2, shown(e, name, saved));
    html_markup(e->h, "</select></div>\n");
}

static void submit_button(struct html *h, const char *action, const char *label, bool outline)
{
    html_markup(h, "<button type=\"submit\" name=\"action\" value=\"");
    html_text(h, action);
    if (outline) {
        html_markup(h, "\" class=\"usa-button usa-button--outline\">");
    } else {
        html_markup(h, "\" class=\"usa-button\">");
    }
    html_text(h, label);
    html_markup(h, "</button>\n");
}

/* Names of row n's field: "goals[n].goal" and its id "goals-n-goal". */
struct row_names {
    char name[64];
    char id[64];
    char label[96];
    char fault[64];
};

static void row_names(struct row_names *r, const char *rows, size_t n, const char *field,
                      const char *label)
{
    snprintf(r->name, sizeof r->name, "%s[%zu].%s", rows, n, field);
    snprintf(r->id, sizeof r->id, "%s-%zu-%s", rows, n, field);
    snprintf(r->label, sizeof r->label, "%s %zu: %s", rows[0] == 'g' ? "Goal" : "Activity", n,
             label);
    snprintf(r->fault, sizeof r->fault, "%s", r->name);
}

static void goal_row(const struct editor *e, const struct learning_goal *goal, size_t n)
{
    struct html *h = e->h;
    html_markup(h, "<fieldset class=\"usa-fieldset plan-row\"><legend class=\"usa-legend\">Goal ");
    html_int(h, (int64_t)n);
    html_markup(h, "</legend>\n");
    struct row_names r;
    row_names(&r, "goals", n, "id", "");
    html_hidden_id(h, r.name, goal->id);
    row_names(&r, "goals", n, "library_goal", "the library goal it serves");
    library_goal_field(e, r.name, r.id, r.label, goal, r.fault);
    row_names(&r, "goals", n, "goal", "your goal");
    text_field(e, r.name, r.id, r.label, goal->goal, r.fault, false, NULL);
    row_names(&r, "goals", n, "outcomes", "desired outcomes");
    text_field(e, r.name, r.id, r.label, goal->outcomes, r.fault, false, NULL);
    char action[32], label[32];
    snprintf(action, sizeof action, "remove-goal-%zu", n);
    snprintf(label, sizeof label, "Remove goal %zu", n);
    submit_button(h, action, label, true);
    html_markup(h, "</fieldset>\n");
}

static void item_row(const struct editor *e, const struct learning_item *item, size_t n)
{
    struct html *h = e->h;
    html_markup(h, "<fieldset class=\"usa-fieldset plan-row\"><legend class=\"usa-legend\">"
                   "Planned activity ");
    html_int(h, (int64_t)n);
    html_markup(h, "</legend>\n");
    struct row_names r;
    row_names(&r, "items", n, "id", "");
    html_hidden_id(h, r.name, item->id);
    row_names(&r, "items", n, "kind", "kind");
    kind_field(e, r.name, r.id, r.label, item->kind, r.fault);
    row_names(&r, "items", n, "key", "short name");
    text_field(e, r.name, r.id, r.label, item->key, r.fault, false, NULL);
    row_names(&r, "items", n, "description", "description");
    text_field(e, r.name, r.id, r.label, item->description, r.fault, false, NULL);
    char hours[32] = "";
    if (item->planned_minutes > 0) {
        snprintf(hours, sizeof hours, "%g", (double)item->planned_minutes / 60.0);
    }
    row_names(&r, "items", n, "hours", "planned hours");
    text_field(e, r.name, r.id, r.label, hours, r.fault, false, NULL);
    row_names(&r, "items", n, "plan_goal", "the goal of yours it serves");
    plan_goal_field(e, r.name, r.id, r.label, item->plan_goal_id, r.fault);
    char action[32], label[40];
    snprintf(action, sizeof action, "remove-item-%zu", n);
    snprintf(label, sizeof label, "Remove activity %zu", n);
    submit_button(h, action, label, true);
    html_markup(h, "</fieldset>\n");
}

static void goals_part(const struct editor *e)
{
    html_markup(e->h, "<h2>Your goals</h2>\n<p>Each goal serves a goal of your library's"
                      " strategic plan.</p>\n");
    size_t n = 0;
    for (size_t i = 0; i < e->plan->goal_count; i++) {
        if (e->plan->goals[i].version_id == e->draft->id) {
            goal_row(e, &e->plan->goals[i], ++n);
        }
    }
    html_markup(e->h, "<fieldset class=\"usa-fieldset plan-row\"><legend class=\"usa-legend\">"
                      "A new goal</legend>\n");
    library_goal_field(e, "library_goal", "library_goal", "The library goal it serves", NULL,
                       "new_goal.library_goal");
    text_field(e, "goal", "goal", "Your goal", NULL, "new_goal.goal", false, NULL);
    text_field(e, "outcomes", "outcomes", "Desired outcomes", NULL, "new_goal.outcomes", false,
               NULL);
    submit_button(e->h, "add-goal", "Add a goal", false);
    html_markup(e->h, "</fieldset>\n");
}

static void items_part(const struct editor *e)
{
    html_markup(e->h, "<h2>Planned learning</h2>\n<p>Self-directed learning counts only when"
                      " the plan in force on its day lists it: say how many hours you plan"
                      " (3 hours earn 1 credit, at most 20 credits in all).</p>\n");
    size_t n = 0;
    for (size_t i = 0; i < e->plan->item_count; i++) {
        if (e->plan->items[i].version_id == e->draft->id) {
            item_row(e, &e->plan->items[i], ++n);
        }
    }
    html_markup(e->h, "<fieldset class=\"usa-fieldset plan-row\"><legend class=\"usa-legend\">"
                      "A new planned activity</legend>\n");
    kind_field(e, "item_kind", "item_kind", "Kind", NULL, "new_item.kind");
    text_field(e, "item_key", "item_key", "Short name (self-directed claims name it)", NULL,
               "new_item.key", false, NULL);
    text_field(e, "description", "description", "Description", NULL, "new_item.description", false,
               NULL);
    text_field(e, "hours", "hours", "Planned hours", NULL, "new_item.hours", false, NULL);
    int64_t newest = 0;
    for (size_t i = 0; i < e->plan->goal_count; i++) {
        newest = e->plan->goals[i].version_id == e->draft->id ? e->plan->goals[i].id : newest;
    }
    plan_goal_field(e, "plan_goal", "plan_goal", "The goal of yours it serves", newest,
                    "new_item.plan_goal");
    submit_button(e->h, "add-item", "Add an item", false);
    html_markup(e->h, "</fieldset>\n");
}

static void submit_part(const struct editor *e, const char *signer_name)
{
    html_markup(e->h, "<h2>Submit</h2>\n<p>Submitting saves this version and sends it to ");
    if (signer_name != NULL) {
        html_text(e->h, signer_name);
        html_markup(e->h, ", who signs it for your library or returns it with a comment. ");
        html_text(e->h, signer_name);
        html_markup(e->h, " can sign it as soon as you submit it; you sign it too, here. The"
                          " plan is approved once both of you have signed.");
    } else {
        html_markup(e->h, "your library's signer. No one is named yet to sign for your"
                          " library: ask the State Library to name your supervisor.");
    }
    html_markup(e->h, " Learning counts from the day you first submit a plan; once submitted,"
                      " this version can no longer be changed.</p>\n");
    submit_button(e->h, "submit", "Submit this version", false);
}

void plan_editor(struct web_request *request, struct html *h, const struct learning_plan *plan,
                 const struct learning_version *draft, const struct action_outcome *outcome,
                 bool refused, const char *signer_name)
{
    struct editor e = {request, h, plan, draft, outcome, refused, NULL, 0};
    struct ct_err err = {0};
    html_fail(h, store_learning_library_goals(request->store, draft->library_id, &request->arena,
                                              &e.library, &e.library_count, &err));
    if (draft->comment != NULL && draft->comment[0] != '\0') {
        html_slim_warning_begin(h);
        html_markup(h, "Your library returned this version with the comment: ");
        html_text(h, draft->comment);
        html_slim_alert_end(h);
    }
    html_markup(h, "<h2>Version ");
    html_int(h, draft->version);
    html_markup(h, ": your draft</h2>\n<p>Every button below saves all you typed in this"
                   " form first.</p>\n<form method=\"post\" class=\"stack-wide\""
                   " action=\"/plan\">");
    html_csrf(h, request->csrf);
    text_field(&e, "skill_gaps", "skill_gaps", "Gaps in skills or knowledge", draft->skill_gaps,
               "skill_gaps", true, NULL);
    text_field(&e, "learning_options", "learning_options", "Options for learning you researched",
               draft->learning_options, "learning_options", true, NULL);
    submit_button(h, "save", "Save the draft", false);
    goals_part(&e);
    items_part(&e);
    submit_part(&e, signer_name);
    html_markup(h, "</form>\n");
}

/* ---- the summary of a refused draft ---- */

/* A field of the form the summary names: its id and label, made from the fault's name. */
struct summary_entry {
    char id[64];
    char label[128];
    int rank; /* its place in the form: the texts, goals, the new goal, items, the new item */
};

struct fixed_field {
    const char *fault;
    const char *id;
    const char *label;
    int rank;
};

static const struct fixed_field fixed_fields[] = {
    {"skill_gaps", "skill_gaps", "Gaps in skills or knowledge", 0},
    {"learning_options", "learning_options", "Options for learning you researched", 0},
    {"new_goal.library_goal", "library_goal", "A new goal: the library goal it serves", 2},
    {"new_goal.goal", "goal", "A new goal: your goal", 2},
    {"new_goal.outcomes", "outcomes", "A new goal: desired outcomes", 2},
    {"new_item.kind", "item_kind", "A new planned activity: kind", 4},
    {"new_item.key", "item_key", "A new planned activity: short name", 4},
    {"new_item.description", "description", "A new planned activity: description", 4},
    {"new_item.hours", "hours", "A new planned activity: planned hours", 4},
    {"new_item.plan_goal", "plan_goal", "A new planned activity: the goal of yours it serves", 4},
};

/* The words of a row's field, as row_names labels it; NULL for one the form does not
 * show (the row's id). */
static const char *row_field_words(const char *field)
{
    static const char *const words[][2] = {
        {"library_goal", "the library goal it serves"},
        {"goal", "your goal"},
        {"outcomes", "desired outcomes"},
        {"kind", "kind"},
        {"key", "short name"},
        {"description", "description"},
        {"hours", "planned hours"},
        {"plan_goal", "the goal of yours it serves"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(words[i][0], field) == 0) {
            return words[i][1];
        }
    }
    return NULL;
}

/* The entry of a row's fault, "goals[N].FIELD" or "items[N].FIELD"; false for any other. */
static bool row_entry(const char *fault, struct summary_entry *entry)
{
    bool goal = strncmp(fault, "goals[", 6) == 0;
    if (!goal && strncmp(fault, "items[", 6) != 0) {
        return false;
    }
    char *end = NULL;
    unsigned long n = strtoul(fault + 6, &end, 10);
    if (end == NULL || end[0] != ']' || end[1] != '.' || row_field_words(end + 2) == NULL) {
        return false;
    }
    struct row_names r;
    row_names(&r, goal ? "goals" : "items", (size_t)n, end + 2, row_field_words(end + 2));
    snprintf(entry->id, sizeof entry->id, "%s", r.id);
    snprintf(entry->label, sizeof entry->label, "%s", r.label);
    entry->rank = goal ? 1 : 3;
    return true;
}

/* The entry of a fault of the form, false for a fault of no field it shows. */
static bool summary_entry_of(const char *fault, struct summary_entry *entry)
{
    for (size_t i = 0; i < sizeof fixed_fields / sizeof fixed_fields[0]; i++) {
        if (strcmp(fixed_fields[i].fault, fault) == 0) {
            snprintf(entry->id, sizeof entry->id, "%s", fixed_fields[i].id);
            snprintf(entry->label, sizeof entry->label, "%s", fixed_fields[i].label);
            entry->rank = fixed_fields[i].rank;
            return true;
        }
    }
    return row_entry(fault, entry);
}

void plan_editor_summary(struct html *h, const struct action_outcome *outcome)
{
    struct summary_entry entries[ACTION_FAULTS_MAX];
    struct error_summary_field fields[ACTION_FAULTS_MAX];
    size_t count = 0;
    size_t kept =
        outcome->fault_count < ACTION_FAULTS_MAX ? outcome->fault_count : ACTION_FAULTS_MAX;
    for (int rank = 0; rank <= 4; rank++) {
        for (size_t i = 0; i < kept; i++) {
            struct summary_entry *entry = &entries[count];
            if (summary_entry_of(outcome->faults[i].field, entry) && entry->rank == rank) {
                fields[count] =
                    (struct error_summary_field){outcome->faults[i].field, entry->id, entry->label};
                count++;
            }
        }
    }
    html_refused_summary(h, "Nothing was saved", outcome, fields, count);
}
