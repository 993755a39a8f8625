/*
 * cli_args: every command's options, parsed one way. A command declares its options as
 * a table (struct cli_option: the long name, what kind of value it takes, where in the
 * command's own struct it goes) and cli_parse fills that struct with getopt_long. The
 * options most commands share (--db, --programs, --person, --as-of, ...) go into struct
 * cli_args, which a command's struct embeds when it has more; the helpers below open
 * the store and find a person from it.
 */
#ifndef CERTTRACK_CLI_ARGS_H
#define CERTTRACK_CLI_ARGS_H

#include <stddef.h>
#include <stdio.h>

#include "../actions/action.h"
#include "../core/civil_date.h"
#include "../core/program.h"
#include "../store/store.h"
#include "../store/store_tracks.h"

/* What an option takes, and how its value is stored. */
enum cli_value {
    CLI_TEXT, /* a value, kept as given: const char * (borrowed from argv) */
    CLI_FLAG, /* no value: bool, set true */
    CLI_DATE, /* a value, YYYY-MM-DD: struct civil_date ("--NAME: not a date" when not) */
    CLI_CALL, /* a value, handed to the option's call, which stores it */
};

struct cli_option {
    const char *name;     /* the long name, without "--" */
    enum cli_value value; /* what it takes, and the type at offset */
    size_t offset;        /* where it goes: offsetof in the command's struct */
    bool required;        /* "missing --NAME" when not given */
    /* CLI_CALL only: stores value (borrowed from argv) in args; returns -1, or the exit
     * code after printing the error. */
    int (*call)(void *args, const char *value);
};

/* A command's options. */
struct cli_options {
    const struct cli_option *options;
    size_t count;
    void (*usage)(FILE *out);
    bool quiet;       /* print no usage after an error (programs) */
    bool no_operands; /* refuse operands: "NAME: unexpected argument 'X'" */
};

/* Parses argv (argv[0] the command's name, used in the messages) into args (borrowed,
 * set to its defaults by the caller; values point into argv). --help prints the usage to
 * standard output. *first_operand is the index in argv of the first argument that is
 * not an option. Returns -1 when parsing went well, else the exit code to return (0
 * for --help) after printing the error. The first missing option is named in table
 * order. */
int cli_parse(const struct cli_options *options, int argc, char **argv, void *args,
              int *first_operand);

/* A verb of a command with verbs (config set, site add, ...). */
struct cli_verb {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the verb */
};

/* Runs the verb argv[1] names with argv + 1. --help or -h prints usage to standard
 * output; anything else complains "COMMAND: <expected>" and prints usage to standard
 * error. Returns the exit code. */
int cli_run_verb(int argc, char **argv, const struct cli_verb *verbs, size_t count,
                 void (*usage)(FILE *out), const char *expected);

/* The options most commands share. */
struct cli_args {
    const char *db;
    const char *programs;
    const char *person;
    struct civil_date as_of; /* unset when not given */
    const char *format;      /* NULL when not given */
    const char *to;
    const char *number;
    const char *out;
    const char *public_url;
    const char *reason;
    const char *jwks;
    const char *status_list;
    bool merge;
};

/* The system as actor (a command run without --as), acting now, today (clock.h; unset
 * when the clock cannot tell the day). */
struct actor cli_system_actor(void);

/* Sets args to its defaults: nothing given. */
void cli_args_init(struct cli_args *args);

/* A table and its length, as two arguments. */
#define CLI_TABLE(table) (table), sizeof(table) / sizeof((table)[0])

/* A struct cli_options for a table and a usage function, the flags false. */
#define CLI_OPTIONS(table, usage_)                                                                 \
    {                                                                                              \
        .options = (table), .count = sizeof(table) / sizeof((table)[0]), .usage = (usage_)         \
    }

/* Table rows for the shared options, in struct cli_args at its start (required or not). */
#define CLI_ARG(option, field, kind, required_)                                                    \
    {                                                                                              \
        option, kind, offsetof(struct cli_args, field), required_, NULL                            \
    }

/* Loads the programs and opens the store named by args (the database must exist unless
 * create is true). On failure prints the error and returns its exit code; else -1. The
 * caller releases both with cli_store_close. */
int cli_store_open(const struct cli_args *args, bool create, struct program_set *programs,
                   struct store *store);

void cli_store_close(struct program_set *programs, struct store *store);

/* Opens the store named by args (an existing database), runs run(store, context), and
 * closes it. Returns run's exit code, or the exit code of a store that did not open
 * after printing the error. context is borrowed. */
int cli_with_store(const struct cli_args *args, int (*run)(struct store *store, void *context),
                   void *context);

/* The day to evaluate on: --as-of when given, else today (clock.h). Returns -1 or an
 * exit code after printing the error. */
int cli_evaluation_day(const struct cli_args *args, struct civil_date *day);

/* Finds the person (id or e-mail) and their current track. A person with no track is
 * bad input ("person N has no track"); a read that failed is reported as itself. Returns
 * -1 or an exit code after printing the error. */
int cli_person_track(struct store *store, const char *person, struct track_info *track);

/* What a command about one person's current track works with. */
struct cli_person {
    struct civil_date day; /* --as-of, else today */
    struct program_set programs;
    struct store store;
    struct track_info track;
};

/* Opens the store named by args and finds --person's current track, for the day of
 * --as-of or today. Returns -1 when all went well (the caller then closes with
 * cli_person_close), else the exit code after printing the error (nothing to close). */
int cli_person_open(const struct cli_args *args, struct cli_person *person);

void cli_person_close(struct cli_person *person);

#endif
