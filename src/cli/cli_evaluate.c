#include "cli_evaluate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "cli_track.h"
#include "../store/store_record.h"
#include "../store/store_tracks.h"
#include "../core/buf.h"
#include "../core/engine.h"
#include "../core/evaluation_json.h"
#include "../core/evaluation_text.h"
#include "../core/record.h"
#include "../io/file_read.h"
#include "../io/program_dir.h"
#include "../core/banned.h"

enum output_format { FORMAT_JSON, FORMAT_TEXT };

struct evaluate_options {
    struct cli_args common; /* --db, --person, --programs, --as-of */
    const char *input;      /* FILE, or "-" for standard input */
    const char *track;      /* --track: with --db, NULL for the current track */
    enum output_format format;
};

static void evaluate_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack evaluate [FILE|-] [--format json|text] [--as-of YYYY-MM-DD]\n"
            "                          [--programs DIR]\n"
            "       certtrack evaluate --db PATH --person ID|EMAIL [--track ID]\n"
            "                          [--as-of YYYY-MM-DD] [--format json|text] [--programs DIR]\n"
            "\n"
            "Evaluates one learner record (JSON, from FILE or standard input, or one track\n"
            "of the person in the database: --track, else the most recently started open\n"
            "one) against its program and prints which credits count, why, and what is\n"
            "still missing.\n"
            "\n"
            "  --format json|text  output format (default json)\n"
            "  --as-of DATE        evaluate on this day instead of the record's as_of\n"
            "                      (with --db: instead of today)\n"
            "  --programs DIR      directory of program files (default: the installed\n"
            "                      programs, else ./programs)\n"
            "\n"
            "Exit status: 0 evaluated, 2 bad input (the message names the field), 1 failure.\n");
}

static int format_option(void *args, const char *value)
{
    struct evaluate_options *options = args;
    if (strcmp(value, "json") == 0) {
        options->format = FORMAT_JSON;
    } else if (strcmp(value, "text") == 0) {
        options->format = FORMAT_TEXT;
    } else {
        cli_complain("--format: expected json or text, found '%s'", value);
        return CLI_EXIT_BAD_INPUT;
    }
    return -1;
}

static const struct cli_option evaluate_option_table[] = {
    {"format", CLI_CALL, 0, false, format_option},
    {"as-of", CLI_DATE, offsetof(struct evaluate_options, common.as_of), false, NULL},
    {"programs", CLI_TEXT, offsetof(struct evaluate_options, common.programs), false, NULL},
    {"db", CLI_TEXT, offsetof(struct evaluate_options, common.db), false, NULL},
    {"person", CLI_TEXT, offsetof(struct evaluate_options, common.person), false, NULL},
    {"track", CLI_TEXT, offsetof(struct evaluate_options, track), false, NULL},
};

/* Returns -1 when the options were parsed, else the exit code to return. */
static int parse_options(int argc, char **argv, struct evaluate_options *options)
{
    static const struct cli_options table = CLI_OPTIONS(evaluate_option_table, evaluate_usage);
    *options = (struct evaluate_options){.input = "-", .format = FORMAT_JSON};
    cli_args_init(&options->common);
    int first_operand = 0;
    int exit_code = cli_parse(&table, argc, argv, options, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (argc - first_operand > 1) {
        cli_complain("evaluate: expected at most one FILE, found %d", argc - first_operand);
        return CLI_EXIT_BAD_INPUT;
    }
    if (first_operand < argc) {
        options->input = argv[first_operand];
    }
    const struct cli_args *common = &options->common;
    if ((common->db != NULL) != (common->person != NULL)) {
        cli_complain("evaluate: --db and --person go together");
        return CLI_EXIT_BAD_INPUT;
    }
    if (options->track != NULL && common->db == NULL) {
        cli_complain("evaluate: --track goes with --db and --person");
        return CLI_EXIT_BAD_INPUT;
    }
    if (common->db != NULL && first_operand < argc) {
        cli_complain("evaluate: give a FILE or --db, not both");
        return CLI_EXIT_BAD_INPUT;
    }
    return -1;
}

static enum ct_status render(const struct evaluate_options *options,
                             const struct evaluation *evaluation,
                             const struct learner_record *record, struct ct_err *err)
{
    if (options->format == FORMAT_JSON) {
        char *text = evaluation_to_json_text(evaluation, record);
        if (text == NULL) {
            return ct_err_nomem(err);
        }
        fputs(text, stdout);
        free(text);
        return CT_OK;
    }
    struct buf out;
    buf_init(&out, (size_t)1 << 30);
    enum ct_status status = evaluation_to_text(evaluation, record, &out);
    if (status == CT_OK) {
        fputs(buf_str(&out), stdout);
    } else {
        ct_err_set(err, status, NULL, "cannot write the summary: %s", ct_status_name(status));
    }
    buf_release(&out);
    return status;
}

static enum ct_status evaluate_file(const struct evaluate_options *options,
                                    const struct program_set *programs, struct ct_err *err)
{
    char *text = NULL;
    size_t length = 0;
    enum ct_status status =
        file_read_all(options->input, FILE_READ_DEFAULT_LIMIT, &text, &length, err);
    if (status != CT_OK) {
        return status;
    }
    struct record_parse_options parse_options = {options->common.as_of};
    struct learner_record *record = NULL;
    status = record_parse(text, length, programs, &parse_options, &record, err);
    free(text);
    if (status != CT_OK) {
        return status;
    }
    struct evaluation *evaluation = NULL;
    status = engine_evaluate(record, &evaluation);
    if (status != CT_OK) {
        ct_err_nomem(err);
    } else {
        status = render(options, evaluation, record, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

/* The database form: the person's track (--track, else the current one), as of
 * --as-of or today. */
static int evaluate_person(const struct evaluate_options *options)
{
    struct cli_person person;
    int exit_code = cli_person_open(&options->common, &person);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = cli_track_pick(&person, options->track);
    if (exit_code >= 0) {
        cli_person_close(&person);
        return exit_code;
    }
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    struct ct_err err = {0};
    if (store_record_evaluate(&person.store, person.track.id, person.day, &record, &evaluation,
                              &err) != CT_OK ||
        render(options, evaluation, record, &err) != CT_OK) {
        exit_code = cli_report(&err);
    } else {
        exit_code = CLI_EXIT_OK;
    }
    evaluation_free(evaluation);
    record_free(record);
    cli_person_close(&person);
    return exit_code;
}

int cli_evaluate(int argc, char **argv)
{
    struct evaluate_options options;
    int exit_code = parse_options(argc, argv, &options);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (options.common.db != NULL) {
        exit_code = evaluate_person(&options);
        return exit_code == CLI_EXIT_OK && fflush(stdout) != 0 ? CLI_EXIT_FAILURE : exit_code;
    }
    struct ct_err err = {0};
    struct program_set programs;
    program_set_init(&programs);
    enum ct_status status =
        program_dir_load(program_dir_default(options.common.programs), &programs, &err);
    if (status == CT_OK) {
        status = evaluate_file(&options, &programs, &err);
    }
    program_set_release(&programs);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_complain("cannot write the output");
        return CLI_EXIT_FAILURE;
    }
    return CLI_EXIT_OK;
}
