#include "cli_libraries.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "../actions/libraries.h"
#include "../actions/strategic_plans.h"
#include "../io/clock.h"
#include "../store/store_libraries.h"
#include "../core/banned.h"

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

struct library_args {
    struct cli_args store; /* db and programs, for cli_store_open */
    const char *library, *goal, *name, *city, *kind, *external_id, *consultants, *closed_on;
    const char *title, *starts, *ends, *code, *description;
    int64_t library_id, goal_id;
    const char *verb;
};

#define LIBRARY_OPTION(name, field, required)                                                      \
    {                                                                                              \
        name, CLI_TEXT, offsetof(struct library_args, field), required, NULL                       \
    }

#define STORE_OPTIONS                                                                              \
    LIBRARY_OPTION("db", store.db, true), LIBRARY_OPTION("programs", store.programs, false)

#define FIELD_OPTIONS(required)                                                                    \
    LIBRARY_OPTION("name", name, required), LIBRARY_OPTION("city", city, required),                \
        LIBRARY_OPTION("kind", kind, false), LIBRARY_OPTION("external-id", external_id, false),    \
        LIBRARY_OPTION("consultants", consultants, false)

static const struct cli_option add_table[] = {STORE_OPTIONS, FIELD_OPTIONS(true)};
static const struct cli_option edit_table[] = {
    STORE_OPTIONS, LIBRARY_OPTION("library", library, true), FIELD_OPTIONS(false)};
static const struct cli_option close_table[] = {STORE_OPTIONS,
                                                LIBRARY_OPTION("library", library, true),
                                                LIBRARY_OPTION("closed-on", closed_on, false)};
static const struct cli_option list_table[] = {STORE_OPTIONS};
static const struct cli_option plan_table[] = {
    STORE_OPTIONS, LIBRARY_OPTION("library", library, true), LIBRARY_OPTION("title", title, false),
    LIBRARY_OPTION("starts", starts, false), LIBRARY_OPTION("ends", ends, false)};
static const struct cli_option goal_add_table[] = {
    STORE_OPTIONS, LIBRARY_OPTION("library", library, true), LIBRARY_OPTION("code", code, true),
    LIBRARY_OPTION("title", title, true), LIBRARY_OPTION("description", description, false)};
static const struct cli_option goal_edit_table[] = {
    STORE_OPTIONS,
    LIBRARY_OPTION("library", library, true),
    LIBRARY_OPTION("goal", goal, true),
    LIBRARY_OPTION("code", code, false),
    LIBRARY_OPTION("title", title, false),
    LIBRARY_OPTION("description", description, false)};
static const struct cli_option goal_one_table[] = {
    STORE_OPTIONS, LIBRARY_OPTION("library", library, true), LIBRARY_OPTION("goal", goal, true)};
static const struct cli_option goal_list_table[] = {STORE_OPTIONS,
                                                    LIBRARY_OPTION("library", library, true)};

static void library_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack library add --db PATH --name NAME --city CITY [--kind KIND]\n"
            "                 [--external-id ID] [--consultants EMAILS]\n"
            "       certtrack library edit --db PATH --library ID [--name NAME] [--city CITY]\n"
            "                 [--kind KIND] [--external-id ID] [--consultants EMAILS]\n"
            "       certtrack library close --db PATH --library ID [--closed-on DATE]\n"
            "       certtrack library list --db PATH\n"
            "       certtrack library plan --db PATH --library ID [--title T] [--starts DATE]\n"
            "                 [--ends DATE]\n"
            "\n"
            "The CE coordinator's libraries. KIND is public (the default), tribal-college,\n"
            "academic, school or special; the external id is the state directory's (unique);\n"
            "EMAILS are the consultants' e-mail addresses (or ids), separated by commas (\"\"\n"
            "for none). edit changes only the options given. close keeps the library's\n"
            "people, tracks and certificates; a closed library is not edited again. plan sets\n"
            "the strategic plan's title and period (adding the plan when there is none).\n"
            "add prints the new library's id, plan the plan's; list prints one library a line, "
            "tab-separated:\n"
            "id, name, city, kind, external id, closed on, consultants.\n");
}

static void goal_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack goal add --db PATH --library ID --code CODE --title TITLE\n"
                 "                 [--description TEXT]\n"
                 "       certtrack goal edit --db PATH --library ID --goal ID [--code CODE]\n"
                 "                 [--title TITLE] [--description TEXT]\n"
                 "       certtrack goal retire --db PATH --library ID --goal ID\n"
                 "       certtrack goal delete --db PATH --library ID --goal ID\n"
                 "       certtrack goal list --db PATH --library ID\n"
                 "\n"
                 "The goals of a library's strategic plan. A goal that a staff plan serves is\n"
                 "retired, never deleted: plans keep it (shown as retired) and new plan goals can\n"
                 "no longer choose it. add prints the new goal's id; list prints one goal a line,\n"
                 "tab-separated: id, code, title, retired on, plan goals serving it.\n");
}

/* A whole number from 1 for --NAME, into *id. Returns -1 or the exit code. */
static int read_id(const char *name, const char *text, int64_t *id)
{
    *id = 0;
    if (text == NULL) {
        return -1;
    }
    char *end = NULL;
    long long value = strtoll(text, &end, 10);
    if (end == text || *end != '\0' || value <= 0) {
        cli_complain("--%s: not an id: \"%s\"", name, text);
        return CLI_EXIT_BAD_INPUT;
    }
    *id = value;
    return -1;
}

static int parse(const struct cli_option *table, size_t count, void (*usage)(FILE *out), int argc,
                 char **argv, struct library_args *args)
{
    memset(args, 0, sizeof *args);
    cli_args_init(&args->store);
    args->verb = argv[0];
    struct cli_options options = {
        .options = table, .count = count, .usage = usage, .no_operands = true};
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, args, &first_operand);
    if (exit_code < 0) {
        exit_code = read_id("library", args->library, &args->library_id);
    }
    if (exit_code < 0) {
        exit_code = read_id("goal", args->goal, &args->goal_id);
    }
    return exit_code;
}

/* The system acting now. */
static int system_actor(struct actor *actor, struct ct_err *err)
{
    struct civil_date today;
    if (clock_today(&today, err) != CT_OK) {
        return cli_report(err);
    }
    *actor = actor_system((int64_t)time(NULL), today);
    return -1;
}

static int library_run(struct store *store, void *context)
{
    const struct library_args *args = context;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct actor actor;
    int exit_code = system_actor(&actor, &outcome.err);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct library_input input = {args->library_id, args->name,        args->city,
                                  args->kind,       args->external_id, args->consultants};
    struct library_result result = {args->library_id};
    enum ct_status status;
    if (strcmp(args->verb, "add") == 0) {
        status = action_library_add(store, &actor, &input, &result, &outcome);
    } else if (strcmp(args->verb, "edit") == 0) {
        status = action_library_edit(store, &actor, &input, &outcome);
    } else if (strcmp(args->verb, "close") == 0) {
        struct library_close_input closing = {args->library_id, args->closed_on};
        status = action_library_close(store, &actor, &closing, &outcome);
    } else {
        struct strategic_plan_input plan = {args->library_id, args->title, args->starts,
                                            args->ends};
        struct strategic_plan_result saved;
        status = action_strategic_plan_save(store, &actor, &plan, &saved, &outcome);
        result.id = saved.id;
    }
    if (status != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("%" PRId64 "\n", result.id);
    return CLI_EXIT_OK;
}

static int list_run(struct store *store, void *context)
{
    (void)context;
    struct store_page page = {.limit = 1000000, .offset = 0, .column = STORE_LIBRARY_NAME};
    struct store_rows rows = {.size = sizeof(struct library_row)};
    int64_t total = 0;
    struct ct_err err = {0};
    if (store_libraries_list(store, 0, NULL, &page, &rows, &total, &err) != CT_OK) {
        return cli_report(&err);
    }
    const struct library_row *libraries = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        const struct library_view *l = &libraries[i].library;
        printf("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\t%s\n", l->id, l->name, l->city, l->kind,
               l->external_id, l->closed_on, l->consultants);
    }
    store_rows_release(&rows);
    return CLI_EXIT_OK;
}

static int library_verb(int argc, char **argv)
{
    struct library_args args;
    const char *verb = argv[0];
    int exit_code =
        strcmp(verb, "add") == 0    ? parse(CLI_TABLE(add_table), library_usage, argc, argv, &args)
        : strcmp(verb, "edit") == 0 ? parse(CLI_TABLE(edit_table), library_usage, argc, argv, &args)
        : strcmp(verb, "close") == 0
            ? parse(CLI_TABLE(close_table), library_usage, argc, argv, &args)
        : strcmp(verb, "plan") == 0
            ? parse(CLI_TABLE(plan_table), library_usage, argc, argv, &args)
            : parse(CLI_TABLE(list_table), library_usage, argc, argv, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    return cli_with_store(&args.store, strcmp(verb, "list") == 0 ? list_run : library_run, &args);
}

int cli_library(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"add", library_verb},
                                            {"edit", library_verb},
                                            {"close", library_verb},
                                            {"list", library_verb},
                                            {"plan", library_verb}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), library_usage,
                        "expected 'add', 'edit', 'close', 'list' or 'plan'");
}

static int goal_run(struct store *store, void *context)
{
    const struct library_args *args = context;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct actor actor;
    int exit_code = system_actor(&actor, &outcome.err);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct library_goal_input input = {args->library_id, args->goal_id, args->code, args->title,
                                       args->description};
    struct library_goal_result result = {args->goal_id};
    enum ct_status status;
    if (strcmp(args->verb, "add") == 0) {
        status = action_library_goal_add(store, &actor, &input, &result, &outcome);
    } else if (strcmp(args->verb, "edit") == 0) {
        status = action_library_goal_edit(store, &actor, &input, &outcome);
    } else if (strcmp(args->verb, "retire") == 0) {
        status = action_library_goal_retire(store, &actor, &input, &outcome);
    } else {
        status = action_library_goal_delete(store, &actor, &input, &outcome);
    }
    if (status != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("%" PRId64 "\n", result.id);
    return CLI_EXIT_OK;
}

static int goal_list_run(struct store *store, void *context)
{
    const struct library_args *args = context;
    struct store_rows rows = {.size = sizeof(struct library_goal_row)};
    struct ct_err err = {0};
    if (store_library_goals(store, args->library_id, &rows, &err) != CT_OK) {
        return cli_report(&err);
    }
    const struct library_goal_row *goals = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        printf("%" PRId64 "\t%s\t%s\t%s\t%" PRId64 "\n", goals[i].id, goals[i].code, goals[i].title,
               goals[i].retired_on, goals[i].served_by);
    }
    store_rows_release(&rows);
    return CLI_EXIT_OK;
}

static int goal_verb(int argc, char **argv)
{
    struct library_args args;
    const char *verb = argv[0];
    int exit_code = strcmp(verb, "add") == 0
                        ? parse(CLI_TABLE(goal_add_table), goal_usage, argc, argv, &args)
                    : strcmp(verb, "edit") == 0
                        ? parse(CLI_TABLE(goal_edit_table), goal_usage, argc, argv, &args)
                    : strcmp(verb, "list") == 0
                        ? parse(CLI_TABLE(goal_list_table), goal_usage, argc, argv, &args)
                        : parse(CLI_TABLE(goal_one_table), goal_usage, argc, argv, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    return cli_with_store(&args.store, strcmp(verb, "list") == 0 ? goal_list_run : goal_run, &args);
}

int cli_goal(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"add", goal_verb},
                                            {"edit", goal_verb},
                                            {"retire", goal_verb},
                                            {"delete", goal_verb},
                                            {"list", goal_verb}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), goal_usage,
                        "expected 'add', 'edit', 'retire', 'delete' or 'list'");
}
