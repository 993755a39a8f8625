#include "cli_user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../actions/accounts.h"
#include "../io/clock.h"
#include "../mail/mail_sender.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

static void user_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack user add --db PATH --email E --name N --role ROLE [--library ID]\n"
            "                         [--position staff|trustee]\n"
            "\n"
            "Adds a person with one role (learner, supervisor, library-administrator,\n"
            "ce-coordinator or consultant), at the library with id ID (none: State Library\n"
            "staff; at a library the position is staff unless --position says trustee), and\n"
            "invites them, with the checks of adding a person on the people page. Prints\n"
            "the invitation link, which works once within 7 days, and queues the invitation\n"
            "mail (sent by 'certtrack mail send' or the server when a relay is configured).\n"
            "The first CE coordinator is made so:\n"
            "  certtrack user add --db ct.db --email you@example.gov --name 'Your Name' \\\n"
            "      --role ce-coordinator\n");
}

struct user_args {
    struct cli_args common;
    const char *email;
    const char *name;
    const char *role;
    const char *library;
    const char *position;
};

static const struct cli_option user_option_table[] = {
    {"db", CLI_TEXT, offsetof(struct user_args, common.db), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct user_args, common.programs), false, NULL},
    {"email", CLI_TEXT, offsetof(struct user_args, email), true, NULL},
    {"name", CLI_TEXT, offsetof(struct user_args, name), true, NULL},
    {"role", CLI_TEXT, offsetof(struct user_args, role), true, NULL},
    {"library", CLI_TEXT, offsetof(struct user_args, library), false, NULL},
    {"position", CLI_TEXT, offsetof(struct user_args, position), false, NULL},
};

static int user_add_run(struct store *store, void *context)
{
    const struct user_args *args = context;
    struct civil_date today;
    struct ct_err err = {0};
    if (clock_today(&today, &err) != CT_OK) {
        return cli_report(&err);
    }
    char *end = NULL;
    long long library = args->library != NULL ? strtoll(args->library, &end, 10) : 0;
    if (args->library != NULL && (*end != '\0' || library <= 0)) {
        cli_complain("--library: expected a library's id, found '%s'", args->library);
        return CLI_EXIT_BAD_INPUT;
    }
    struct actor system = actor_system((int64_t)time(NULL), today);
    struct user_add_input input = {args->email, args->name, args->role, (int64_t)library,
                                   args->position};
    struct invitation_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    if (action_user_add(store, &system, &input, &result, &outcome) != CT_OK) {
        return cli_report(&outcome.err);
    }
    struct mail_config config;
    enum ct_status status = mail_config_load(store, &config, &err);
    mail_config_release(&config);
    printf("Added person %lld (%s) and invited them. Their invitation link, valid for 7 days"
           " and once:\n%s\n",
           (long long)result.person_id, args->email, result.link);
    if (status == CT_OK && !config.configured) {
        printf("The invitation mail waits in the outbox: %s.\n", config.problem);
    } else {
        printf("The invitation mail is queued (%s).\n", result.message_id);
    }
    return CLI_EXIT_OK;
}

static int user_add(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(user_option_table, user_usage);
    struct user_args args = {.email = NULL};
    cli_args_init(&args.common);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (first_operand < argc) {
        cli_complain("user add: unexpected argument '%s'", argv[first_operand]);
        return CLI_EXIT_BAD_INPUT;
    }
    return cli_with_store(&args.common, user_add_run, &args);
}

int cli_user(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"add", user_add}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), user_usage, "expected 'add'");
}
