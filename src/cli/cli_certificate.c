/*
 * The certificate documents:
 *   certtrack certificate pdf --db PATH --number N --out FILE [--public-url URL]
 *   certtrack certificate transcript --db PATH --number N --out FILE
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../certificates/certificate_pdf.h"
#include "../certificates/transcript_pdf.h"
#include "../store/store_award.h"
#include "../store/store_transcript.h"
#include "../core/banned.h"

/* The public address printed in QR codes and URLs, until it is a stored setting. */
#define CLI_DEFAULT_PUBLIC_URL "http://127.0.0.1:8080"

static void certificate_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack certificate pdf --db PATH --number N --out FILE\n"
                 "                 [--public-url URL] [--programs DIR]\n"
                 "       certtrack certificate transcript --db PATH --number N --out FILE\n"
                 "                 [--programs DIR]\n"
                 "\n"
                 "pdf writes certificate N as a one-page PDF (US Letter, landscape) with a QR\n"
                 "code of its verification URL, PUBLIC-URL/verify/CODE (default public "
                 "URL\n" CLI_DEFAULT_PUBLIC_URL ").\n"
                 "transcript writes the transcript of certificate N as a PDF (US Letter): the\n"
                 "activities the rules engine counted toward it when it was issued, with their\n"
                 "credits and total, and for a program with a development plan the plan's\n"
                 "goals and the library goals they served.\n");
}

/* Writes PUBLIC/verify/CODE into out, without doubling a trailing slash. */
static void verify_url(const char *public_url, const char *code, char *out, size_t size)
{
    size_t length = strlen(public_url);
    while (length > 0 && public_url[length - 1] == '/') {
        length--;
    }
    snprintf(out, size, "%.*s/verify/%s", (int)length, public_url, code);
}

/* Finds certificate --number into *record. Returns -1 when found, else the exit code
 * after printing why not. */
static int certificate_find(const struct cli_args *args, struct store *store,
                            struct certificate_record *record)
{
    struct ct_err err = {0};
    bool found = false;
    enum ct_status status = store_certificate_find(store, args->number, record, &found, &err);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (!found) {
        cli_complain("certificate: no certificate has the number \"%s\"", args->number);
        return CLI_EXIT_BAD_INPUT;
    }
    return -1;
}

static int certificate_pdf(const struct cli_args *args, struct store *store)
{
    struct ct_err err = {0};
    struct certificate_record record;
    int exit_code = certificate_find(args, store, &record);
    if (exit_code >= 0) {
        return exit_code;
    }
    const struct program *program = program_set_find(store->programs, record.program);
    char url[1024];
    verify_url(args->public_url != NULL ? args->public_url : CLI_DEFAULT_PUBLIC_URL,
               record.verification_code, url, sizeof url);
    struct certificate_face face = {
        .learner_name = record.person_name,
        .program_name = program != NULL && program->name != NULL ? program->name : record.program,
        .issuer =
            program != NULL && program->issuer != NULL ? program->issuer : "Montana State Library",
        .credit_halves = record.credit_halves,
        .issued = record.issued,
        .valid_until = record.valid_until,
        .number = record.number,
        .verify_url = url,
    };
    if (certificate_pdf_write(&face, args->out, &err) != CT_OK) {
        return cli_report(&err);
    }
    printf("Wrote %s\n", args->out);
    return CLI_EXIT_OK;
}

static int certificate_transcript(const struct cli_args *args, struct store *store)
{
    struct ct_err err = {0};
    struct certificate_record record;
    int exit_code = certificate_find(args, store, &record);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct transcript transcript;
    transcript_init(&transcript);
    enum ct_status status = store_transcript_load(store, &record, &transcript, &err);
    if (status == CT_OK) {
        status = transcript_pdf_write(&transcript, args->out, &err);
    }
    transcript_release(&transcript);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    printf("Wrote %s\n", args->out);
    return CLI_EXIT_OK;
}

/* The subcommands, with the options each allows beside --db, --number, --out and
 * --programs. */
static const struct {
    const char *name;
    int (*run)(const struct cli_args *args, struct store *store);
    unsigned options;
} subcommands[] = {
    {"pdf", certificate_pdf, CLI_OPT_PUBLIC_URL},
    {"transcript", certificate_transcript, 0},
};

int cli_certificate(int argc, char **argv)
{
    size_t which = 0;
    while (argc >= 2 && which < sizeof subcommands / sizeof subcommands[0] &&
           strcmp(argv[1], subcommands[which].name) != 0) {
        which++;
    }
    if (argc < 2 || which == sizeof subcommands / sizeof subcommands[0]) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            certificate_usage(stdout);
            return CLI_EXIT_OK;
        }
        cli_complain("certificate: expected 'pdf' or 'transcript'");
        certificate_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    struct cli_args args;
    unsigned allowed =
        CLI_OPT_DB | CLI_OPT_PROGRAMS | CLI_OPT_NUMBER | CLI_OPT_OUT | subcommands[which].options;
    int exit_code =
        cli_args_parse(argc - 1, argv + 1, allowed, CLI_OPT_DB | CLI_OPT_NUMBER | CLI_OPT_OUT,
                       certificate_usage, &args);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = subcommands[which].run(&args, &store);
    cli_store_close(&programs, &store);
    return exit_code;
}
