#include "cli_evaluate.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
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
    const char *input;
    const char *db;
    const char *person;
    const char *programs_dir;
    enum output_format format;
    struct civil_date as_of;
};

static void evaluate_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack evaluate [FILE|-] [--format json|text] [--as-of YYYY-MM-DD]\n"
            "                          [--programs DIR]\n"
            "       certtrack evaluate --db PATH --person ID|EMAIL [--as-of YYYY-MM-DD]\n"
            "                          [--format json|text] [--programs DIR]\n"
            "\n"
            "Evaluates one learner record (JSON, from FILE or standard input, or the\n"
            "person's current track in the database) against its program and prints which\n"
            "credits count, why, and what is still missing.\n"
            "\n"
            "  --format json|text  output format (default json)\n"
            "  --as-of DATE        evaluate on this day instead of the record's as_of\n"
            "                      (with --db: instead of today)\n"
            "  --programs DIR      directory of program files (default: the installed\n"
            "                      programs, else ./programs)\n"
            "\n"
            "Exit status: 0 evaluated, 2 bad input (the message names the field), 1 failure.\n");
}

/* Returns -1 when the options were parsed, else the exit code to return. */
static int parse_options(int argc, char **argv, struct evaluate_options *options)
{
    static const struct option long_options[] = {
        {"format", required_argument, NULL, 'f'},
        {"as-of", required_argument, NULL, 'a'},
        {"programs", required_argument, NULL, 'p'},
        {"db", required_argument, NULL, 'd'},
        {"person", required_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *options = (struct evaluate_options){"-", NULL, NULL, NULL, FORMAT_JSON, civil_date_unset()};
    optind = 1;
    opterr = 0;
    int option;
    while ((option = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        switch (option) {
        case 'f':
            if (strcmp(optarg, "json") == 0) {
                options->format = FORMAT_JSON;
            } else if (strcmp(optarg, "text") == 0) {
                options->format = FORMAT_TEXT;
            } else {
                cli_complain("--format: expected json or text, found '%s'", optarg);
                return CLI_EXIT_BAD_INPUT;
            }
            break;
        case 'a':
            if (!civil_date_parse(optarg, &options->as_of)) {
                cli_complain("--as-of: not a date: \"%s\"", optarg);
                return CLI_EXIT_BAD_INPUT;
            }
            break;
        case 'p':
            options->programs_dir = optarg;
            break;
        case 'd':
            options->db = optarg;
            break;
        case 'n':
            options->person = optarg;
            break;
        case 'h':
            evaluate_usage(stdout);
            return CLI_EXIT_OK;
        default:
            cli_complain("evaluate: unknown or incomplete option '%s'", argv[optind - 1]);
            evaluate_usage(stderr);
            return CLI_EXIT_BAD_INPUT;
        }
    }
    if (argc - optind > 1) {
        cli_complain("evaluate: expected at most one FILE, found %d", argc - optind);
        return CLI_EXIT_BAD_INPUT;
    }
    if (optind < argc) {
        options->input = argv[optind];
    }
    if ((options->db != NULL) != (options->person != NULL)) {
        cli_complain("evaluate: --db and --person go together");
        return CLI_EXIT_BAD_INPUT;
    }
    if (options->db != NULL && optind < argc) {
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
    struct record_parse_options parse_options = {options->as_of};
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

/* The database form: the person's current track, as of --as-of or today. */
static int evaluate_person(const struct evaluate_options *options)
{
    struct cli_args args = {.db = options->db,
                            .programs = options->programs_dir,
                            .person = options->person,
                            .as_of = options->as_of};
    struct cli_person person;
    int exit_code = cli_person_open(&args, &person);
    if (exit_code >= 0) {
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
    if (options.db != NULL) {
        exit_code = evaluate_person(&options);
        return exit_code == CLI_EXIT_OK && fflush(stdout) != 0 ? CLI_EXIT_FAILURE : exit_code;
    }
    struct ct_err err = {0};
    struct program_set programs;
    program_set_init(&programs);
    enum ct_status status =
        program_dir_load(program_dir_default(options.programs_dir), &programs, &err);
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
