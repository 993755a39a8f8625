#include "cli_report.h"

#include <inttypes.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../core/buf.h"
#include "../core/credit.h"
#include "../actions/announcement.h"
#include "../store/store_compliance.h"
#include "../store/store_newly_certified.h"
#include "../core/banned.h"

static void report_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack report compliance --db PATH [--as-of DATE] [--format csv|json]\n"
                 "       certtrack report certified --db PATH --from DATE --to DATE"
                 " [--format csv|text]\n"
                 "\n"
                 "Evaluates every open track (active, submitted, returned) on one day (default\n"
                 "today) and prints one row each: person, library, program, deadline, status,\n"
                 "counted, required and remaining credits, and blocking codes. CSV (the default)\n"
                 "neutralises cells that a spreadsheet would run as a formula.\n"
                 "\n"
                 "certified lists the certificates awarded from --from to --to (both days\n"
                 "included; imported and revoked ones left out), by program and library: as CSV\n"
                 "(the default), or as the announcement written from the template\n"
                 "announcement.txt (--format text).\n");
}

/* Appends one CSV cell: quoted when needed, and a cell a spreadsheet would read as a
 * formula (= + - @, tab, carriage return) gets a leading apostrophe. */
static enum ct_status csv_cell(struct buf *out, const char *text, bool last)
{
    bool formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                   text[0] == '\t' || text[0] == '\r';
    bool quote = formula || strpbrk(text, ",\"\r\n") != NULL;
    enum ct_status status = quote ? buf_append_str(out, "\"") : CT_OK;
    if (status == CT_OK && formula) {
        status = buf_append_str(out, "'");
    }
    for (const char *c = text; status == CT_OK && *c != '\0'; c++) {
        status = *c == '"' ? buf_append_str(out, "\"\"") : buf_append(out, c, 1);
    }
    if (status == CT_OK && quote) {
        status = buf_append_str(out, "\"");
    }
    return status == CT_OK ? buf_append_str(out, last ? "\r\n" : ",") : status;
}

static enum ct_status csv_row(struct buf *out, const struct compliance_row *row)
{
    char ids[2][24], credits[3][CREDIT_TEXT_SIZE], blocking[1024];
    snprintf(ids[0], sizeof ids[0], "%" PRId64, row->person_id);
    snprintf(ids[1], sizeof ids[1], "%" PRId64, row->track_id);
    const struct evaluation *evaluation = row->evaluation;
    credit_format(evaluation->counted_halves, credits[0]);
    credit_format(evaluation->required_halves, credits[1]);
    credit_format(evaluation->remaining_halves, credits[2]);
    compliance_blocking_codes(row->evaluation, blocking, sizeof blocking);
    const char *cells[] = {ids[0],       row->name,     row->email,
                           row->library, row->program,  ids[1],
                           row->state,   row->deadline, track_status_name(evaluation->status),
                           credits[0],   credits[1],    credits[2],
                           blocking};
    size_t count = sizeof cells / sizeof cells[0];
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = csv_cell(out, cells[i], i + 1 == count);
    }
    return status;
}

static json_t *credit_json(int64_t halves)
{
    return halves % 2 == 0 ? json_integer(halves / 2) : json_real((double)halves / 2.0);
}

static json_t *json_row(const struct compliance_row *row)
{
    char blocking[1024];
    const struct evaluation *evaluation = row->evaluation;
    compliance_blocking_codes(evaluation, blocking, sizeof blocking);
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:s}",
                     "person_id", (json_int_t)row->person_id, "name", row->name, "email",
                     row->email, "library", row->library, "program", row->program, "track_id",
                     (json_int_t)row->track_id, "track_state", row->state, "deadline",
                     row->deadline, "status", track_status_name(evaluation->status),
                     "counted_credits", credit_json(evaluation->counted_halves), "required_credits",
                     credit_json(evaluation->required_halves), "remaining_credits",
                     credit_json(evaluation->remaining_halves), "blocking", blocking);
}

struct report {
    struct store *store;
    struct civil_date day;
    bool json;
    struct buf csv;
    json_t *rows;
};

/* Writes one evaluated track (a compliance_visit). */
static enum ct_status report_track(void *context, const struct compliance_row *row,
                                   struct ct_err *err)
{
    struct report *report = context;
    enum ct_status status = CT_OK;
    if (report->json) {
        json_t *value = json_row(row);
        if (value == NULL || json_array_append_new(report->rows, value) != 0) {
            status = ct_err_nomem(err);
        }
    } else {
        status = csv_row(&report->csv, row);
        if (status == CT_OK && report->csv.length > 1 << 16) {
            fputs(buf_str(&report->csv), stdout);
            buf_release(&report->csv);
        }
    }
    return status;
}

static enum ct_status report_all(struct report *report, struct ct_err *err)
{
    struct compliance_filter everyone = {0, NULL, 0, COMPLIANCE_BY_DEADLINE, false, NULL, NULL};
    return store_compliance_each(report->store, report->day, &everyone, report_track, report, err);
}

/* Writes the report (a struct report, its json and day set) from the open store. */
static int report_run(struct store *store, void *context)
{
    struct report *report = context;
    report->store = store;
    buf_init(&report->csv, (size_t)1 << 30);
    report->rows = report->json ? json_array() : NULL;
    struct ct_err err = {0};
    enum ct_status status = report->json && report->rows == NULL ? ct_err_nomem(&err) : CT_OK;
    if (status == CT_OK && !report->json) {
        status = buf_append_str(&report->csv, "person_id,name,email,library,program,track_id,"
                                              "track_state,deadline,status,counted_credits,"
                                              "required_credits,remaining_credits,blocking\r\n");
    }
    if (status == CT_OK) {
        status = report_all(report, &err);
    }
    if (status == CT_OK && report->json) {
        status = json_dumpf(report->rows, stdout, JSON_INDENT(2)) == 0 ? CT_OK : CT_ERR_IO;
        fputc('\n', stdout);
    } else if (status == CT_OK) {
        fputs(buf_str(&report->csv), stdout);
    }
    buf_release(&report->csv);
    json_decref(report->rows);
    if (status != CT_OK) {
        return err.message[0] != '\0' ? cli_report(&err) : CLI_EXIT_FAILURE;
    }
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

static const struct cli_option report_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("as-of", as_of, CLI_DATE, false),
    CLI_ARG("format", format, CLI_TEXT, false),
};

/* report compliance: argv[0] is "compliance". */
static int report_compliance(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(report_option_table, report_usage);
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    bool json = args.format != NULL && strcmp(args.format, "json") == 0;
    if (args.format != NULL && !json && strcmp(args.format, "csv") != 0) {
        cli_complain("--format: expected csv or json, found '%s'", args.format);
        return CLI_EXIT_BAD_INPUT;
    }
    struct report report = {.json = json};
    exit_code = cli_evaluation_day(&args, &report.day);
    return exit_code >= 0 ? exit_code : cli_with_store(&args, report_run, &report);
}

/* ---- report certified ---- */

struct certified_args {
    struct cli_args common;
    struct civil_date from;
    struct civil_date to;
};

#define CERTIFIED_OPTION(name, kind, field, required)                                              \
    {                                                                                              \
        name, kind, offsetof(struct certified_args, field), required, NULL                         \
    }

static const struct cli_option certified_option_table[] = {
    CERTIFIED_OPTION("db", CLI_TEXT, common.db, true),
    CERTIFIED_OPTION("programs", CLI_TEXT, common.programs, false),
    CERTIFIED_OPTION("from", CLI_DATE, from, true),
    CERTIFIED_OPTION("to", CLI_DATE, to, true),
    CERTIFIED_OPTION("format", CLI_TEXT, common.format, false),
};

static enum ct_status certified_csv(struct store *store, const struct store_rows *rows,
                                    struct buf *out)
{
    const struct newly_certified_row *row = rows->items;
    enum ct_status status = buf_append_str(
        out, "program,program_name,library_id,library,city,person_id,name,issued,certificate\r\n");
    for (size_t i = 0; status == CT_OK && i < rows->count; i++) {
        char library[24] = "", person[24], issued[CIVIL_DATE_TEXT_SIZE];
        if (row[i].library_id != 0) {
            snprintf(library, sizeof library, "%" PRId64, row[i].library_id);
        }
        snprintf(person, sizeof person, "%" PRId64, row[i].person_id);
        civil_date_format(row[i].issued, issued);
        const char *cells[] = {row[i].program, program_set_name(store->programs, row[i].program),
                               library,        row[i].library,
                               row[i].city,    person,
                               row[i].name,    issued,
                               row[i].number};
        size_t count = sizeof cells / sizeof cells[0];
        for (size_t c = 0; c < count && status == CT_OK; c++) {
            status = csv_cell(out, cells[c], c + 1 == count);
        }
    }
    return status;
}

/* Prints the newly certified (a struct certified_args) from the open store. */
static int certified_run(struct store *store, void *context)
{
    const struct certified_args *args = context;
    struct statewide_filter everyone = {0};
    struct store_rows rows;
    struct buf out;
    buf_init(&out, (size_t)1 << 30);
    struct ct_err err = {0};
    enum ct_status status =
        store_newly_certified(store, args->from, args->to, &everyone, &rows, &err);
    bool text = args->common.format != NULL && strcmp(args->common.format, "text") == 0;
    if (status == CT_OK) {
        status = text ? announcement_draft(store, args->from, args->to, &rows, &out, &err)
                      : certified_csv(store, &rows, &out);
    }
    if (status == CT_OK) {
        fputs(buf_str(&out), stdout);
    }
    buf_release(&out);
    store_rows_release(&rows);
    if (status != CT_OK) {
        return err.message[0] != '\0' ? cli_report(&err) : CLI_EXIT_FAILURE;
    }
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

/* report certified: argv[0] is "certified". */
static int report_certified(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(certified_option_table, report_usage);
    struct certified_args args = {.from = civil_date_unset(), .to = civil_date_unset()};
    cli_args_init(&args.common);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    const char *format = args.common.format;
    if (format != NULL && strcmp(format, "csv") != 0 && strcmp(format, "text") != 0) {
        cli_complain("--format: expected csv or text, found '%s'", format);
        return CLI_EXIT_BAD_INPUT;
    }
    if (civil_date_compare(args.from, args.to) > 0) {
        cli_complain("--to: the last day comes before --from");
        return CLI_EXIT_BAD_INPUT;
    }
    return cli_with_store(&args.common, certified_run, &args);
}

int cli_report_compliance(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"compliance", report_compliance},
                                            {"certified", report_certified}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), report_usage,
                        "expected 'compliance' or 'certified'");
}
