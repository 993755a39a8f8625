#include "cli_harvest.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "../actions/harvest.h"
#include "../core/credit.h"
#include "../harvest/moodle_import.h"
#include "../io/clock.h"
#include "../actions/catalog.h"
#include "../store/store_catalog.h"
#include "../store/store_harvest_imports.h"
#include "../store/store_harvest_sites.h"
#include "../store/store_people.h"
#include "../store/store_settings.h"
#include "../core/banned.h"

enum { MAX_LINKS = 64, MAX_REFUSED_SHOWN = 50 };

/* The options of these commands, by the letter getopt_long gives back. */
enum harvest_option {
    OPT_DB = 'd',
    OPT_PROGRAMS = 'P',
    OPT_URL = 'u',
    OPT_TIME_ZONE = 'z',
    OPT_ACCOUNT = 'a',
    OPT_PERSON = 'p',
    OPT_TITLE = 't',
    OPT_KIND = 'k',
    OPT_CREDITS = 'c',
    OPT_CATEGORY = 'g',
    OPT_COURSE_URL = 'U',
    OPT_LMS_NAME = 'n',
    OPT_LMS_VERIFIES = 'v',
    OPT_STARTS = 's',
    OPT_ENDS = 'e',
    OPT_SPONSOR = 'S',
    OPT_SITE = 'w',
    OPT_HELP = 'h',
};

static const struct option all_options[] = {
    {"db", required_argument, NULL, OPT_DB},
    {"programs", required_argument, NULL, OPT_PROGRAMS},
    {"url", required_argument, NULL, OPT_URL},
    {"time-zone", required_argument, NULL, OPT_TIME_ZONE},
    {"account", required_argument, NULL, OPT_ACCOUNT},
    {"person", required_argument, NULL, OPT_PERSON},
    {"title", required_argument, NULL, OPT_TITLE},
    {"kind", required_argument, NULL, OPT_KIND},
    {"credits", required_argument, NULL, OPT_CREDITS},
    {"category", required_argument, NULL, OPT_CATEGORY},
    {"course-url", required_argument, NULL, OPT_COURSE_URL},
    {"lms-name", required_argument, NULL, OPT_LMS_NAME},
    {"lms-verifies", no_argument, NULL, OPT_LMS_VERIFIES},
    {"starts", required_argument, NULL, OPT_STARTS},
    {"ends", required_argument, NULL, OPT_ENDS},
    {"sponsor", required_argument, NULL, OPT_SPONSOR},
    {"site", required_argument, NULL, OPT_SITE},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

struct harvest_args {
    struct cli_args store; /* db and programs, for cli_store_open */
    const char *url, *time_zone, *account, *person, *title, *kind, *credits, *category;
    const char *starts, *ends, *sponsor, *site;
    bool lms_verifies;
    struct event_link links[MAX_LINKS];
    size_t link_count;
    bool link_named; /* the last --course-url has had a --lms-name */
    int first_operand;
};

/* Adds --course-url (a whole course until a --lms-name names one of its activities) or
 * --lms-name (an activity of the last course given). Returns -1 or an exit code. */
static int add_link(struct harvest_args *args, int option, const char *value)
{
    if (option == OPT_LMS_NAME) {
        if (args->link_count == 0) {
            cli_complain("--lms-name \"%s\": give the --course-url of its course before it", value);
            return CLI_EXIT_BAD_INPUT;
        }
        struct event_link *last = &args->links[args->link_count - 1];
        if (!args->link_named) {
            last->activity_name = value;
            args->link_named = true;
            return -1;
        }
        if (args->link_count == MAX_LINKS) {
            cli_complain("at most %d course URLs and LMS names", MAX_LINKS);
            return CLI_EXIT_BAD_INPUT;
        }
        args->links[args->link_count++] = (struct event_link){last->url, value};
        return -1;
    }
    if (args->link_count == MAX_LINKS) {
        cli_complain("at most %d course URLs and LMS names", MAX_LINKS);
        return CLI_EXIT_BAD_INPUT;
    }
    args->links[args->link_count++] = (struct event_link){value, ""};
    args->link_named = false;
    return -1;
}

static int store_value(struct harvest_args *args, int option, const char *value)
{
    const char **slot = NULL;
    switch (option) {
    case OPT_DB:
        slot = &args->store.db;
        break;
    case OPT_PROGRAMS:
        slot = &args->store.programs;
        break;
    case OPT_URL:
        slot = &args->url;
        break;
    case OPT_TIME_ZONE:
        slot = &args->time_zone;
        break;
    case OPT_ACCOUNT:
        slot = &args->account;
        break;
    case OPT_PERSON:
        slot = &args->person;
        break;
    case OPT_TITLE:
        slot = &args->title;
        break;
    case OPT_KIND:
        slot = &args->kind;
        break;
    case OPT_CREDITS:
        slot = &args->credits;
        break;
    case OPT_CATEGORY:
        slot = &args->category;
        break;
    case OPT_STARTS:
        slot = &args->starts;
        break;
    case OPT_ENDS:
        slot = &args->ends;
        break;
    case OPT_SPONSOR:
        slot = &args->sponsor;
        break;
    case OPT_SITE:
        slot = &args->site;
        break;
    case OPT_LMS_VERIFIES:
        args->lms_verifies = true;
        return -1;
    case OPT_COURSE_URL:
    case OPT_LMS_NAME:
        return add_link(args, option, value);
    default:
        return -1;
    }
    *slot = value;
    return -1;
}

/* The value of a required option, NULL when it was not given. */
static const char *required_value(const struct harvest_args *args, int option)
{
    switch (option) {
    case OPT_DB:
        return args->store.db;
    case OPT_URL:
        return args->url;
    case OPT_ACCOUNT:
        return args->account;
    case OPT_PERSON:
        return args->person;
    case OPT_TITLE:
        return args->title;
    case OPT_KIND:
        return args->kind;
    case OPT_CREDITS:
        return args->credits;
    case OPT_CATEGORY:
        return args->category;
    case OPT_SITE:
        return args->site;
    default:
        return "";
    }
}

/* Parses argv (argv[0] the command's name) allowing the options whose letters are in
 * allowed, and requiring those in required. Returns -1 when all went well, else the
 * exit code (0 for --help). */
static int parse(int argc, char **argv, const char *allowed, const char *required,
                 void (*usage)(FILE *out), struct harvest_args *args)
{
    memset(args, 0, sizeof *args);
    args->store.as_of = civil_date_unset();
    optind = 1;
    opterr = 0;
    int option;
    while ((option = getopt_long(argc, argv, "h", all_options, NULL)) != -1) {
        if (option == OPT_HELP) {
            usage(stdout);
            return CLI_EXIT_OK;
        }
        if (option == '?' || option == ':' || strchr(allowed, option) == NULL) {
            cli_complain("%s: unknown or incomplete option '%s'", argv[0], argv[optind - 1]);
            usage(stderr);
            return CLI_EXIT_BAD_INPUT;
        }
        int exit_code = store_value(args, option, optarg);
        if (exit_code >= 0) {
            return exit_code;
        }
    }
    args->first_operand = optind;
    for (const struct option *o = all_options; o->name != NULL; o++) {
        if (strchr(required, o->val) != NULL && required_value(args, o->val) == NULL) {
            cli_complain("missing --%s", o->name);
            usage(stderr);
            return CLI_EXIT_BAD_INPUT;
        }
    }
    return -1;
}

static bool no_operands(int argc, char **argv, const struct harvest_args *args,
                        void (*usage)(FILE *out))
{
    if (args->first_operand < argc) {
        cli_complain("%s: unexpected argument '%s'", argv[0], argv[args->first_operand]);
        usage(stderr);
        return false;
    }
    return true;
}

/* Opens the store and finds the site registered at url. Returns -1 (the caller then
 * closes with cli_store_close) or an exit code after printing the error. */
static int open_with_site(const struct harvest_args *args, const char *url,
                          struct program_set *programs, struct store *store, struct lms_site *site)
{
    int exit_code = cli_store_open(&args->store, false, programs, store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    bool found = false;
    enum ct_status status = store_harvest_site_find_by_url(store, url, site, &found, &err);
    if (status == CT_OK && !found) {
        status = ct_err_set(&err, CT_ERR_INPUT, "site",
                            "no LMS site is registered at %.200s (certtrack site add)", url);
    }
    if (status != CT_OK) {
        cli_store_close(programs, store);
        return cli_report(&err);
    }
    return -1;
}

/* The system, acting now: the actor of a command that names no person. */
static struct actor system_actor(void)
{
    struct civil_date today = civil_date_unset();
    struct ct_err err = {0};
    if (clock_today(&today, &err) != CT_OK) {
        today = civil_date_unset();
    }
    return actor_system((int64_t)time(NULL), today);
}

/* ---- site add, site link ---- */

static void site_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack site add --db PATH --url SITE_URL [--time-zone TZ]\n"
                 "       certtrack site link --db PATH --url SITE_URL --account NAME --person ID\n"
                 "\n"
                 "add registers an LMS site (its address, e.g. https://learn.example.org, and the\n"
                 "IANA time zone its report files are written in, default UTC) and prints the\n"
                 "xAPI Basic-auth key and secret for it. The secret is shown only then: only a\n"
                 "hash of it is kept.\n"
                 "\n"
                 "link links the site's account NAME (the xAPI account name, i.e. the Moodle user\n"
                 "id) to a person (id or e-mail); statements waiting for it are then applied.\n");
}

static int site_add(int argc, char **argv)
{
    struct harvest_args args;
    int exit_code = parse(argc, argv, "dPuz", "du", site_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (!no_operands(argc, argv, &args, site_usage)) {
        return CLI_EXIT_BAD_INPUT;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args.store, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = system_actor();
    const struct harvest_site_add_input input = {
        args.url, args.time_zone != NULL && args.time_zone[0] != '\0' ? args.time_zone : "UTC"};
    struct harvest_site_add_result added;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_harvest_site_add(&store, &actor, &input, &added, &outcome);
    struct ct_err err = outcome.err;
    const struct lms_site site = added.site;
    const struct lms_site_credentials credentials = added.credentials;
    int64_t site_id = site.id;
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("Site %" PRId64 ": %s (time zone %s)\n"
           "xAPI key:    %s\n"
           "xAPI secret: %s\n"
           "The secret is shown only now; only a hash of it is kept.\n",
           site_id, site.url, site.time_zone, credentials.api_key, credentials.secret);
    return CLI_EXIT_OK;
}

static int site_link(int argc, char **argv)
{
    struct harvest_args args;
    int exit_code = parse(argc, argv, "dPuap", "duap", site_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (!no_operands(argc, argv, &args, site_usage)) {
        return CLI_EXIT_BAD_INPUT;
    }
    struct program_set programs;
    struct store store;
    struct lms_site site;
    exit_code = open_with_site(&args, args.url, &programs, &store, &site);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    int64_t person_id = 0, applied = 0;
    enum ct_status status = store_person_find(&store, args.person, &person_id, &err);
    if (status == CT_OK) {
        struct actor actor = system_actor();
        const struct harvest_account_link_input input = {
            .site_id = site.id, .account = args.account, .person_id = person_id};
        struct harvest_account_link_result linked;
        struct action_outcome outcome;
        action_outcome_init(&outcome);
        status = action_harvest_account_link(&store, &actor, &input, &linked, &outcome);
        err = outcome.err;
        applied = linked.release.applied;
    }
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("Account \"%s\" of %s is linked to person %" PRId64 "; %" PRId64
           " waiting statements applied.\n",
           args.account, site.url, person_id, applied);
    return CLI_EXIT_OK;
}

int cli_site(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "add") == 0) {
        return site_add(argc - 1, argv + 1);
    }
    if (argc >= 2 && strcmp(argv[1], "link") == 0) {
        return site_link(argc - 1, argv + 1);
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        site_usage(stdout);
        return CLI_EXIT_OK;
    }
    cli_complain("site: expected 'add' or 'link'");
    site_usage(stderr);
    return CLI_EXIT_BAD_INPUT;
}

/* ---- catalog add ---- */

static void catalog_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack catalog add --db PATH --title T --kind K --credits N\n"
            "           --category C [--course-url URL [--lms-name NAME]...]...\n"
            "           [--lms-verifies] [--starts DATE] [--ends DATE] [--sponsor S]\n"
            "\n"
            "Adds an event to the catalog and prints its id. --course-url maps an LMS course\n"
            "(its address) to the event; each --lms-name after it maps one activity of that\n"
            "course instead (the name in Moodle's completion report, e.g. \"Module 1 quiz\").\n"
            "--lms-verifies: a completion harvested from the LMS needs no supervisor's\n"
            "verification. The event runs from --starts (default today) to --ends (default\n"
            "the same day); --sponsor defaults to the issuer name setting (certtrack config\n"
            "get issuer-name).\n");
}

/* Reads the kind, credits and dates. Returns -1 or an exit code after complaining. */
static int read_event(const struct harvest_args *args, struct event_new *event)
{
    if (!activity_kind_from_name(args->kind, &event->kind) ||
        !activity_kind_has_credit_value(event->kind)) {
        cli_complain("--kind: not a kind of catalog event: \"%s\" (course, workshop,"
                     " conference-session, webinar, archived-webinar)",
                     args->kind);
        return CLI_EXIT_BAD_INPUT;
    }
    char *end = NULL;
    errno = 0;
    double number = strtod(args->credits, &end);
    if (end == args->credits || *end != '\0' || errno != 0 ||
        credit_halves_from_number(number, &event->credit_halves) != CREDIT_PARSE_OK) {
        cli_complain("--credits: not a positive multiple of 0.5: \"%s\"", args->credits);
        return CLI_EXIT_BAD_INPUT;
    }
    struct ct_err err = {0};
    if (args->starts == NULL) {
        if (clock_today(&event->starts, &err) != CT_OK) {
            return cli_report(&err);
        }
    } else if (!civil_date_parse(args->starts, &event->starts)) {
        cli_complain("--starts: not a date: \"%s\"", args->starts);
        return CLI_EXIT_BAD_INPUT;
    }
    event->ends = event->starts;
    if (args->ends != NULL && !civil_date_parse(args->ends, &event->ends)) {
        cli_complain("--ends: not a date: \"%s\"", args->ends);
        return CLI_EXIT_BAD_INPUT;
    }
    event->title = args->title;
    event->category = args->category;
    event->sponsor = args->sponsor; /* NULL: the issuer-name setting, read with the store */
    return -1;
}

int cli_catalog(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "add") != 0) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            catalog_usage(stdout);
            return CLI_EXIT_OK;
        }
        cli_complain("catalog: expected 'add'");
        catalog_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    struct harvest_args args;
    int exit_code = parse(argc - 1, argv + 1, "dPtkcgUnvseS", "dtkcg", catalog_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (!no_operands(argc - 1, argv + 1, &args, catalog_usage)) {
        return CLI_EXIT_BAD_INPUT;
    }
    struct catalog_event_new event = {
        .lms_verifies = args.lms_verifies, .links = args.links, .link_count = args.link_count};
    exit_code = read_event(&args, &event.event);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args.store, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    char issuer_name[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    if (event.event.sponsor == NULL) {
        if (store_setting_get(&store, "issuer-name", issuer_name, &err) != CT_OK) {
            cli_store_close(&programs, &store);
            return cli_report(&err);
        }
        event.event.sponsor = issuer_name;
    }
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(event.event.starts, starts);
    civil_date_format(event.event.ends, ends);
    struct catalog_event_input input = {
        .title = event.event.title,
        .kind = args.kind,
        .starts = starts,
        .ends = ends,
        .sponsor = event.event.sponsor,
        .credits = args.credits,
        .category = event.event.category,
        .links = event.links,
        .link_count = event.link_count,
        .lms_verifies = event.lms_verifies,
    };
    struct civil_date today;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = clock_today(&today, &outcome.err);
    struct actor system = actor_system((int64_t)time(NULL), today);
    struct catalog_event_result result;
    status = status != CT_OK ? status
                             : action_catalog_event_add(&store, &system, &input, &result, &outcome);
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("%" PRId64 "\n", result.id);
    return CLI_EXIT_OK;
}

/* ---- import moodle-progress ---- */

static void import_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack import moodle-progress FILE --db PATH --site SITE_URL\n"
                 "\n"
                 "Imports Moodle's activity completion report (report/progress, downloaded as\n"
                 "CSV or as Excel CSV) from a registered site: learners matched by e-mail,\n"
                 "activity columns by their mapped LMS names (certtrack catalog add --lms-name).\n"
                 "Prints the reconciliation: rows read, activities created, duplicates, and each\n"
                 "refused record with its line and reason. Exit status 0 when the file was read\n"
                 "(even with refused records), 2 when it was refused whole (nothing is kept).\n");
}

static enum ct_status file_source_read(void *context, unsigned char *buffer, size_t size,
                                       size_t *got, struct ct_err *err)
{
    FILE *file = context;
    *got = fread(buffer, 1, size, file);
    if (*got < size && ferror(file)) {
        return ct_err_set(err, CT_ERR_IO, "file", "cannot read: %s", strerror(errno));
    }
    return CT_OK;
}

struct refused_listing {
    int64_t shown;
    int64_t more;
};

static enum ct_status print_refused(void *context, const struct harvest_row *row,
                                    struct ct_err *err)
{
    (void)err;
    struct refused_listing *listing = context;
    bool not_completed = row->reason != NULL && strncmp(row->reason, "not completed", 13) == 0;
    if (row->outcome != HARVEST_ROW_REFUSED || not_completed) {
        return CT_OK;
    }
    if (listing->shown == MAX_REFUSED_SHOWN) {
        listing->more++;
        return CT_OK;
    }
    listing->shown++;
    if (row->column > 0) {
        printf("  line %" PRId64 " column %" PRId64 ": %s", row->line, row->column,
               row->reason != NULL ? row->reason : "refused");
    } else {
        printf("  line %" PRId64 ": %s", row->line, row->reason != NULL ? row->reason : "refused");
    }
    if (row->learner_email != NULL && row->learner_email[0] != '\0') {
        printf(" (%s%s%s)", row->learner_email, row->activity_name != NULL ? ", " : "",
               row->activity_name != NULL ? row->activity_name : "");
    }
    printf("\n");
    return CT_OK;
}

/* A record of one part of a course: which parts are still missing. */
static enum ct_status print_partial(void *context, const struct harvest_row *row,
                                    struct ct_err *err)
{
    (void)context;
    (void)err;
    if (row->outcome == HARVEST_ROW_PARTIAL) {
        printf("  line %" PRId64 " column %" PRId64 ": %s (%s, %s)\n", row->line, row->column,
               row->reason != NULL ? row->reason : "partial",
               row->learner_email != NULL ? row->learner_email : "",
               row->activity_name != NULL ? row->activity_name : "");
    }
    return CT_OK;
}

static void print_summary(const struct lms_site *site, const char *file,
                          const struct moodle_import_summary *summary)
{
    const struct harvest_counts *counts = &summary->counts;
    printf("Import %" PRId64 " of %s (%s) from %s\n", summary->import_id, file,
           moodle_progress_encoding_name(summary->encoding), site->url);
    printf("File SHA-256:     %s\n", summary->file_sha256);
    printf("Activity columns: %zu, %zu mapped to the catalog\n", summary->activity_count,
           summary->mapped_count);
    printf("Rows read:        %" PRId64 "\n", counts->read);
    printf("Created:          %" PRId64 " (%" PRId64 " verified by the LMS, %" PRId64 " pending)\n",
           counts->created, summary->verified, counts->created - summary->verified);
    printf("Duplicates:       %" PRId64 "\n", counts->duplicates);
    printf("Withdrawn:        %" PRId64 "\n", counts->withdrawn);
    printf("Waiting:          %" PRId64 "\n", counts->waiting);
    if (counts->partial > 0) {
        printf("Partial:          %" PRId64 " (parts of a course; the course is not complete)\n",
               counts->partial);
    }
    printf("Refused:          %" PRId64 "\n", counts->refused);
    for (int i = 0; i < MOODLE_REFUSAL_COUNT; i++) {
        if (summary->refused[i] > 0) {
            printf("  %-26s %" PRId64 "\n", moodle_import_refusal_name((enum moodle_refusal)i),
                   summary->refused[i]);
        }
    }
}

static int import_file(const struct harvest_args *args, const char *path)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        cli_complain("%s: cannot open: %s", path, strerror(errno));
        return CLI_EXIT_FAILURE;
    }
    struct program_set programs;
    struct store store;
    struct lms_site site;
    int exit_code = open_with_site(args, args->site, &programs, &store, &site);
    if (exit_code >= 0) {
        fclose(file);
        return exit_code;
    }
    struct moodle_progress_source source = {file_source_read, file};
    struct actor actor = system_actor();
    const struct harvest_import_input input = {site.id, &source, path, "command line"};
    struct harvest_import_result imported;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_harvest_import(&store, &actor, &input, &imported, &outcome);
    struct ct_err err = outcome.err;
    const struct moodle_import_summary summary = imported.summary;
    fclose(file);
    struct refused_listing listing = {0};
    if (status == CT_OK) {
        print_summary(&site, path, &summary);
        if (summary.counts.refused > summary.refused[MOODLE_REFUSED_NOT_COMPLETED]) {
            printf("Refused records (not completed ones aside):\n");
        }
        status = store_harvest_rows_each(&store, summary.import_id, print_refused, &listing, &err);
    }
    if (status == CT_OK && summary.counts.partial > 0) {
        printf("Parts of a course recorded, the course not complete yet:\n");
        status = store_harvest_rows_each(&store, summary.import_id, print_partial, NULL, &err);
    }
    cli_store_close(&programs, &store);
    if (status != CT_OK) {
        if (strcmp(err.where, "file") == 0) {
            snprintf(err.where, sizeof err.where, "%s", path);
        } else if (strncmp(err.where, "line ", 5) == 0 || err.where[0] == '\0') {
            ct_err_prefix_where(&err, path);
        }
        return cli_report(&err);
    }
    if (listing.more > 0) {
        printf("  ... and %" PRId64 " more\n", listing.more);
    }
    return CLI_EXIT_OK;
}

int cli_import(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "moodle-progress") != 0) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            import_usage(stdout);
            return CLI_EXIT_OK;
        }
        cli_complain("import: expected 'moodle-progress'");
        import_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    struct harvest_args args;
    int exit_code = parse(argc - 1, argv + 1, "dPw", "dw", import_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (args.first_operand + 1 != argc - 1) {
        cli_complain("import moodle-progress: give exactly one FILE");
        import_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    return import_file(&args, argv[1 + args.first_operand]);
}
