/*
 * cli_args: the options the database commands share, parsed one way.
 */
#ifndef CERTTRACK_CLI_ARGS_H
#define CERTTRACK_CLI_ARGS_H

#include <stdio.h>

#include "../core/civil_date.h"
#include "../core/program.h"
#include "../store/store.h"
#include "../store/store_tracks.h"

enum cli_option {
    CLI_OPT_DB = 1 << 0,           /* --db PATH */
    CLI_OPT_PROGRAMS = 1 << 1,     /* --programs DIR */
    CLI_OPT_PERSON = 1 << 2,       /* --person ID|EMAIL */
    CLI_OPT_AS_OF = 1 << 3,        /* --as-of YYYY-MM-DD */
    CLI_OPT_FORMAT = 1 << 4,       /* --format NAME */
    CLI_OPT_TO = 1 << 5,           /* --to FILE */
    CLI_OPT_NUMBER = 1 << 6,       /* --number N (a certificate number) */
    CLI_OPT_OUT = 1 << 7,          /* --out FILE */
    CLI_OPT_PUBLIC_URL = 1 << 8,   /* --public-url URL */
    CLI_OPT_REASON = 1 << 9,       /* --reason TEXT */
    CLI_OPT_JWKS = 1 << 10,        /* --jwks FILE */
    CLI_OPT_STATUS_LIST = 1 << 11, /* --status-list FILE */
    CLI_OPT_MERGE = 1 << 12,       /* --merge (a flag) */
};

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
    int first_operand; /* index of the first argument that is not an option */
};

/* Parses argv (argv[0] is the command name) for the options in allowed (a mask of
 * enum cli_option); usage(out) describes the command. Returns -1 when parsing went
 * well, else the exit code to return (0 for --help). Options in required must be
 * present. */
int cli_args_parse(int argc, char **argv, unsigned allowed, unsigned required,
                   void (*usage)(FILE *out), struct cli_args *args);

/* Loads the programs and opens the store named by args (the database must exist unless
 * create is true). On failure prints the error and returns its exit code; else -1. The
 * caller releases both with cli_store_close. */
int cli_store_open(const struct cli_args *args, bool create, struct program_set *programs,
                   struct store *store);

void cli_store_close(struct program_set *programs, struct store *store);

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
