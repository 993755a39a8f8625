#include "cli_report.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../core/buf.h"
#include "../core/credit.h"
#include "../store/store_compliance.h"
#include "../core/banned.h"

static void report_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack report compliance --db PATH [--as-of DATE] [--format csv|json]\n"
                 "\n"
                 "Evaluates every open track (active, submitted, returned) on one day (default\n"
                 "today) and prints one row each: person, library, program, deadline, status,\n"
                 "counted, required and remaining credits, and blocking codes. CSV (the default)\n"
                 "neutralises cells that a spreadsheet would run as a formula.\n");
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

int cli_report_compliance(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"compliance", report_compliance}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), report_usage, "expected 'compliance'");
}
