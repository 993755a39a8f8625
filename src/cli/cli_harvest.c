#include "cli_harvest.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "cli_import_records.h"
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

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

struct harvest_args {
    struct cli_args store; /* db and programs, for cli_store_open */
    const char *url, *time_zone, *account, *person, *title, *kind, *credits, *category;
    const char *starts, *ends, *sponsor, *site;
    bool lms_verifies;
    struct event_link links[MAX_LINKS];
    size_t link_count;
    bool link_named; /* the last --course-url has had a --lms-name */
};

/* Adds --course-url (a whole course until a --lms-name names one of its activities) or
 * --lms-name (an activity of the last course given). Returns -1 or an exit code. */
static int add_link(struct harvest_args *args, bool lms_name, const char *value)
{
    if (lms_name) {
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

static int course_url_option(void *args, const char *value)
{
    return add_link(args, false, value);
}

static int lms_name_option(void *args, const char *value)
{
    return add_link(args, true, value);
}

/* A row of an option table for a field of struct harvest_args. */
#define HARVEST_OPTION(name, kind, field, required)                                                \
    {                                                                                              \
        name, kind, offsetof(struct harvest_args, field), required, NULL                           \
    }

static const struct cli_option site_add_option_table[] = {
    HARVEST_OPTION("db", CLI_TEXT, store.db, true),
    HARVEST_OPTION("programs", CLI_TEXT, store.programs, false),
    HARVEST_OPTION("url", CLI_TEXT, url, true),
    HARVEST_OPTION("time-zone", CLI_TEXT, time_zone, false),
};

static const struct cli_option site_link_option_table[] = {
    HARVEST_OPTION("db", CLI_TEXT, store.db, true),
    HARVEST_OPTION("programs", CLI_TEXT, store.programs, false),
    HARVEST_OPTION("url", CLI_TEXT, url, true),
    HARVEST_OPTION("account", CLI_TEXT, account, true),
    HARVEST_OPTION("person", CLI_TEXT, person, true),
};

static const struct cli_option catalog_add_option_table[] = {
    HARVEST_OPTION("db", CLI_TEXT, store.db, true),
    HARVEST_OPTION("programs", CLI_TEXT, store.programs, false),
    HARVEST_OPTION("title", CLI_TEXT, title, true),
    HARVEST_OPTION("kind", CLI_TEXT, kind, true),
    HARVEST_OPTION("credits", CLI_TEXT, credits, true),
    HARVEST_OPTION("category", CLI_TEXT, category, true),
    {"course-url", CLI_CALL, 0, false, course_url_option},
    {"lms-name", CLI_CALL, 0, false, lms_name_option},
    HARVEST_OPTION("lms-verifies", CLI_FLAG, lms_verifies, false),
    HARVEST_OPTION("starts", CLI_TEXT, starts, false),
    HARVEST_OPTION("ends", CLI_TEXT, ends, false),
    HARVEST_OPTION("sponsor", CLI_TEXT, sponsor, false),
};

static const struct cli_option import_option_table[] = {
    HARVEST_OPTION("db", CLI_TEXT, store.db, true),
    HARVEST_OPTION("programs", CLI_TEXT, store.programs, false),
    HARVEST_OPTION("site", CLI_TEXT, site, true),
};

/* Parses argv (argv[0] the verb) into args. Returns -1 or the exit code (0 for --help). */
static int parse(const struct cli_options *options, int argc, char **argv,
                 struct harvest_args *args, int *first_operand)
{
    memset(args, 0, sizeof *args);
    cli_args_init(&args->store);
    return cli_parse(options, argc, argv, args, first_operand);
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
    static const struct cli_options options = {.options = site_add_option_table,
                                               .count = COUNT_OF(site_add_option_table),
                                               .usage = site_usage,
                                               .no_operands = true};
    struct harvest_args args;
    int first_operand = 0;
    int exit_code = parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args.store, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct actor actor = cli_system_actor();
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
    static const struct cli_options options = {.options = site_link_option_table,
                                               .count = COUNT_OF(site_link_option_table),
                                               .usage = site_usage,
                                               .no_operands = true};
    struct harvest_args args;
    int first_operand = 0;
    int exit_code = parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
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
        struct actor actor = cli_system_actor();
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
    static const struct cli_verb verbs[] = {{"add", site_add}, {"link", site_link}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), site_usage, "expected 'add' or 'link'");
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

struct catalog_run {
    const struct harvest_args *args;
    struct catalog_event_new event;
};

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

/* Adds the event (a struct catalog_event_new, its sponsor NULL for the issuer-name
 * setting) to the open store and prints its id. */
static int catalog_run(struct store *store, void *context)
{
    struct catalog_run *run = context;
    const struct event_new *event = &run->event.event;
    char issuer_name[STORE_SETTING_SIZE];
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    const char *sponsor = event->sponsor;
    if (sponsor == NULL) {
        if (store_setting_get(store, "issuer-name", issuer_name, &outcome.err) != CT_OK) {
            return cli_report(&outcome.err);
        }
        sponsor = issuer_name;
    }
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(event->starts, starts);
    civil_date_format(event->ends, ends);
    struct catalog_event_input input = {
        .title = event->title,
        .kind = run->args->kind,
        .starts = starts,
        .ends = ends,
        .sponsor = sponsor,
        .credits = run->args->credits,
        .category = event->category,
        .links = run->event.links,
        .link_count = run->event.link_count,
        .lms_verifies = run->event.lms_verifies,
    };
    struct civil_date today;
    enum ct_status status = clock_today(&today, &outcome.err);
    struct actor system = actor_system((int64_t)time(NULL), today);
    struct catalog_event_result result;
    status = status != CT_OK ? status
                             : action_catalog_event_add(store, &system, &input, &result, &outcome);
    if (status != CT_OK) {
        return cli_report(&outcome.err);
    }
    printf("%" PRId64 "\n", result.id);
    return CLI_EXIT_OK;
}

/* catalog add: argv[0] is "add". */
static int catalog_add(int argc, char **argv)
{
    static const struct cli_options options = {.options = catalog_add_option_table,
                                               .count = COUNT_OF(catalog_add_option_table),
                                               .usage = catalog_usage,
                                               .no_operands = true};
    struct harvest_args args;
    int first_operand = 0;
    int exit_code = parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct catalog_run run = {
        &args,
        {.lms_verifies = args.lms_verifies, .links = args.links, .link_count = args.link_count}};
    exit_code = read_event(&args, &run.event.event);
    return exit_code >= 0 ? exit_code : cli_with_store(&args.store, catalog_run, &run);
}

int cli_catalog(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"add", catalog_add}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), catalog_usage, "expected 'add'");
}

/* ---- import moodle-progress ---- */

static void import_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack import moodle-progress FILE --db PATH --site SITE_URL\n");
    cli_import_records_usage(out);
    fprintf(out, "\n"
                 "moodle-progress: "
                 "Moodle's activity completion report (report/progress, downloaded as\n"
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
    struct actor actor = cli_system_actor();
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

/* import moodle-progress: argv[0] is "moodle-progress". */
static int import_moodle_progress(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(import_option_table, import_usage);
    struct harvest_args args;
    int first_operand = 0;
    int exit_code = parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (first_operand != argc - 1) {
        cli_complain("import moodle-progress: give exactly one FILE");
        import_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    return import_file(&args, argv[first_operand]);
}

int cli_import(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"moodle-progress", import_moodle_progress},
                                            {"history", cli_import_history},
                                            {"people", cli_import_people}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), import_usage,
                        "expected 'moodle-progress', 'history' or 'people'");
}
