#include "cli_person.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "../actions/people.h"
#include "../actions/people_officers.h"
#include "../io/clock.h"
#include "../store/store_people.h"
#include "../store/store_people_search.h"
#include "../core/banned.h"

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

struct person_args {
    struct cli_args store; /* db and programs */
    const char *person, *name, *email, *library, *position, *into, *on, *query, *verifier;
    const char *director, *chair;
    bool all;
    char roles[512]; /* the --role values, one a line ("ROLE YYYY-MM-DD") */
    bool roles_given;
};

static int role_option(void *context, const char *value)
{
    struct person_args *args = context;
    size_t used = strlen(args->roles);
    char line[128];
    snprintf(line, sizeof line, "%s", value);
    char *colon = strchr(line, ':');
    if (colon != NULL) {
        *colon = ' ';
    }
    if (used + strlen(line) + 2 > sizeof args->roles) {
        cli_complain("--role: too many roles");
        return CLI_EXIT_BAD_INPUT;
    }
    snprintf(args->roles + used, sizeof args->roles - used, "%s%s", used > 0 ? "\n" : "", line);
    args->roles_given = true;
    return -1;
}

#define PERSON_OPTION(name, kind, field, required)                                                 \
    {                                                                                              \
        name, kind, offsetof(struct person_args, field), required, NULL                            \
    }
#define DB_OPTIONS                                                                                 \
    PERSON_OPTION("db", CLI_TEXT, store.db, true),                                                 \
        PERSON_OPTION("programs", CLI_TEXT, store.programs, false)

static const struct cli_option add_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("name", CLI_TEXT, name, true),
    PERSON_OPTION("email", CLI_TEXT, email, true),
    PERSON_OPTION("library", CLI_TEXT, library, false),
    PERSON_OPTION("position", CLI_TEXT, position, false),
    {"role", CLI_CALL, 0, false, role_option},
};
static const struct cli_option edit_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("person", CLI_TEXT, person, true),
    PERSON_OPTION("name", CLI_TEXT, name, false),
    PERSON_OPTION("email", CLI_TEXT, email, false),
    PERSON_OPTION("position", CLI_TEXT, position, false),
    {"role", CLI_CALL, 0, false, role_option},
};
static const struct cli_option deactivate_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("person", CLI_TEXT, person, true),
};
static const struct cli_option move_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("person", CLI_TEXT, person, true),
    PERSON_OPTION("library", CLI_TEXT, library, true),
    PERSON_OPTION("on", CLI_TEXT, on, false),
    PERSON_OPTION("position", CLI_TEXT, position, false),
};
static const struct cli_option merge_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("person", CLI_TEXT, person, true),
    PERSON_OPTION("into", CLI_TEXT, into, true),
};
static const struct cli_option verifier_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("person", CLI_TEXT, person, true),
    PERSON_OPTION("verifier", CLI_TEXT, verifier, true),
};
static const struct cli_option find_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("query", CLI_TEXT, query, true),
    PERSON_OPTION("library", CLI_TEXT, library, false),
    PERSON_OPTION("all", CLI_FLAG, all, false),
};
static const struct cli_option list_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("library", CLI_TEXT, library, false),
    PERSON_OPTION("all", CLI_FLAG, all, false),
};
static const struct cli_option officers_options[] = {
    DB_OPTIONS,
    PERSON_OPTION("library", CLI_TEXT, library, true),
    PERSON_OPTION("director", CLI_TEXT, director, true),
    PERSON_OPTION("chair", CLI_TEXT, chair, true),
};

static void person_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack person add --db PATH --name N --email E [--library ID]\n"
            "                            [--position staff|trustee] --role ROLE[:YYYY-MM-DD]...\n"
            "       certtrack person edit --db PATH --person P [--name N] [--email E]\n"
            "                            [--position staff|trustee|none] [--role ROLE[:DATE]...]\n"
            "       certtrack person deactivate --db PATH --person P\n"
            "       certtrack person move --db PATH --person P --library ID|none [--on DATE]\n"
            "                            [--position staff|trustee]\n"
            "       certtrack person merge --db PATH --person P --into P\n"
            "       certtrack person verifier --db PATH --person P --verifier P|derived\n"
            "       certtrack person find --db PATH --query Q [--library ID] [--all]\n"
            "       certtrack person list --db PATH [--library ID] [--all]\n"
            "\n"
            "A person P is an id or an e-mail address. ROLE is learner, supervisor,\n"
            "library-administrator, ce-coordinator or consultant, with the day it began\n"
            "after a colon (a director's hire day). --role given to edit replaces the roles.\n"
            "merge moves everything of --person to --into and deactivates --person.\n"
            "verifier sets the verifier by hand; 'derived' returns to the library's rule.\n"
            "find and list print id, name, e-mail, library, position and state, tab-separated;\n"
            "--all includes deactivated and merged records.\n");
}

static void officers_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack officers --db PATH --library ID --director P|none"
                 " --chair P|none\n"
                 "\n"
                 "Names the library's director (a staff member of it) and board chair (a trustee\n"
                 "of it); the verifier of each of its people is derived from them.\n");
}

/* The system, acting now. */
static struct actor system_actor(void)
{
    struct civil_date today = civil_date_unset();
    struct ct_err err = {0};
    if (clock_today(&today, &err) != CT_OK) {
        today = civil_date_unset();
    }
    return actor_system((int64_t)time(NULL), today);
}

/* Reads an id option ("none" and "derived" are 0). Returns -1 or an exit code. */
static int read_id(const char *option, const char *text, int64_t *id)
{
    *id = 0;
    if (text == NULL || strcmp(text, "none") == 0 || strcmp(text, "derived") == 0) {
        return -1;
    }
    char *end = NULL;
    long long value = strtoll(text, &end, 10);
    if (*end != '\0' || value <= 0) {
        cli_complain("--%s: not an id: \"%s\"", option, text);
        return CLI_EXIT_BAD_INPUT;
    }
    *id = value;
    return -1;
}

/* Finds the person text names (id or e-mail; "none" or "derived" is 0). Returns -1 or an
 * exit code. */
static int find_person(struct store *store, const char *text, int64_t *id)
{
    *id = 0;
    if (text == NULL || strcmp(text, "none") == 0 || strcmp(text, "derived") == 0) {
        return -1;
    }
    struct ct_err err = {0};
    return store_person_find(store, text, id, &err) == CT_OK ? -1 : cli_report(&err);
}

/* What a verb does once the store is open: returns the exit code. */
typedef int (*person_run)(struct store *store, const struct person_args *args);

static int run_verb(const struct cli_option *table, size_t count, void (*usage)(FILE *), int argc,
                    char **argv, person_run run)
{
    const struct cli_options options = {
        .options = table, .count = count, .usage = usage, .no_operands = true};
    struct person_args args;
    memset(&args, 0, sizeof args);
    cli_args_init(&args.store);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args.store, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = run(&store, &args);
    cli_store_close(&programs, &store);
    return exit_code;
}

/* The exit code of an action's status, its refusal printed. */
static int done(enum ct_status status, const struct action_outcome *outcome)
{
    return status == CT_OK ? CLI_EXIT_OK : cli_report(&outcome->err);
}

static int add_run(struct store *store, const struct person_args *args)
{
    int64_t library = 0;
    int exit_code = read_id("library", args->library, &library);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct person_input input = {0, args->name, args->email, library, args->position, args->roles};
    struct person_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_person_add(store, &actor, &input, &result, &outcome);
    if (status == CT_OK) {
        printf("Person %" PRId64 ": %s <%s>\n", result.id, args->name, args->email);
    }
    return done(status, &outcome);
}

static int edit_run(struct store *store, const struct person_args *args)
{
    int64_t id = 0;
    int exit_code = find_person(store, args->person, &id);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct person_input input = {id, args->name,     args->email,
                                 0,  args->position, args->roles_given ? args->roles : NULL};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_person_edit(store, &actor, &input, &outcome);
    if (status == CT_OK) {
        printf("Person %" PRId64 " edited\n", id);
    }
    return done(status, &outcome);
}

static int deactivate_run(struct store *store, const struct person_args *args)
{
    int64_t id = 0;
    int exit_code = find_person(store, args->person, &id);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_person_deactivate(store, &actor, &(struct person_id_input){id}, &outcome);
    if (status == CT_OK) {
        printf("Person %" PRId64 " deactivated\n", id);
    }
    return done(status, &outcome);
}

static int move_run(struct store *store, const struct person_args *args)
{
    int64_t id = 0, library = 0;
    int exit_code = find_person(store, args->person, &id);
    if (exit_code < 0) {
        exit_code = read_id("library", args->library, &library);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct person_move_input input = {id, library, args->on, args->position};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_person_move(store, &actor, &input, &outcome);
    if (status == CT_OK) {
        printf("Person %" PRId64 " moved to %s\n", id, library > 0 ? args->library : "no library");
    }
    return done(status, &outcome);
}

static int merge_run(struct store *store, const struct person_args *args)
{
    int64_t id = 0, into = 0;
    int exit_code = find_person(store, args->person, &id);
    if (exit_code < 0) {
        exit_code = find_person(store, args->into, &into);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct person_merge_input input = {id, into};
    enum ct_status status = action_person_merge(store, &actor, &input, &outcome);
    if (status == CT_OK) {
        printf("Person %" PRId64 " merged into person %" PRId64 "\n", id, into);
    }
    return done(status, &outcome);
}

static int verifier_run(struct store *store, const struct person_args *args)
{
    int64_t id = 0, verifier = 0;
    int exit_code = find_person(store, args->person, &id);
    if (exit_code < 0) {
        exit_code = find_person(store, args->verifier, &verifier);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct person_verifier_input input = {id, verifier};
    enum ct_status status = action_person_verifier(store, &actor, &input, &outcome);
    if (status == CT_OK) {
        printf(verifier > 0 ? "Person %" PRId64 " is verified by person %" PRId64 " (by hand)\n"
                            : "Person %" PRId64 " is verified as the library's officers say\n",
               id, verifier);
    }
    return done(status, &outcome);
}

static int print_people(struct store *store, const struct person_args *args, const char *query)
{
    struct people_scope scope = {.include_inactive = args->all};
    int exit_code = read_id("library", args->library, &scope.library_id);
    struct ct_err err = {0};
    enum ct_status status = CT_OK;
    int64_t total = 1;
    for (int64_t offset = 0; exit_code < 0 && status == CT_OK && offset < total; offset += 100) {
        struct store_page page = {STORE_PEOPLE_NAME, false, 100, offset};
        struct store_rows rows = {.size = sizeof(struct people_row)};
        status = store_people_search(store, query, &scope, &page, &rows, &total, &err);
        const struct people_row *row = rows.items;
        for (size_t i = 0; status == CT_OK && i < rows.count; i++) {
            printf("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\n", row[i].id, row[i].name, row[i].email,
                   row[i].library, row[i].position, row[i].active ? "active" : "deactivated");
        }
        store_rows_release(&rows);
    }
    return exit_code >= 0 ? exit_code : (status == CT_OK ? CLI_EXIT_OK : cli_report(&err));
}

static int find_run(struct store *store, const struct person_args *args)
{
    return print_people(store, args, args->query);
}

static int list_run(struct store *store, const struct person_args *args)
{
    return print_people(store, args, NULL);
}

static int officers_run(struct store *store, const struct person_args *args)
{
    int64_t library = 0, director = 0, chair = 0;
    int exit_code = read_id("library", args->library, &library);
    if (exit_code < 0) {
        exit_code = find_person(store, args->director, &director);
    }
    if (exit_code < 0) {
        exit_code = find_person(store, args->chair, &chair);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    struct library_officers_input input = {library, director, chair};
    enum ct_status status = action_library_officers(store, &actor, &input, &outcome);
    if (status == CT_OK) {
        printf("Library %" PRId64 ": director %" PRId64 ", board chair %" PRId64 "\n", library,
               director, chair);
    }
    return done(status, &outcome);
}

#define VERB(name, table, run)                                                                     \
    static int name(int argc, char **argv)                                                         \
    {                                                                                              \
        return run_verb(table, COUNT_OF(table), person_usage, argc, argv, run);                    \
    }
VERB(person_add, add_options, add_run)
VERB(person_edit, edit_options, edit_run)
VERB(person_deactivate, deactivate_options, deactivate_run)
VERB(person_move, move_options, move_run)
VERB(person_merge, merge_options, merge_run)
VERB(person_verifier, verifier_options, verifier_run)
VERB(person_find, find_options, find_run)
VERB(person_list, list_options, list_run)

int cli_person(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {
        {"add", person_add},   {"edit", person_edit},   {"deactivate", person_deactivate},
        {"move", person_move}, {"merge", person_merge}, {"verifier", person_verifier},
        {"find", person_find}, {"list", person_list},
    };
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), person_usage,
                        "expected add, edit, deactivate, move, merge, verifier, find or list");
}

int cli_officers(int argc, char **argv)
{
    return run_verb(officers_options, COUNT_OF(officers_options), officers_usage, argc, argv,
                    officers_run);
}
