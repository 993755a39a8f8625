#include "cli_certificate.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>

#include "cli.h"
#include "cli_args.h"
#include "../certificates/certificate_documents.h"
#include "../certificates/signing_key.h"
#include "../certificates/transcript_pdf.h"
#include "../store/store_transcript.h"
#include "../io/clock.h"
#include "../actions/certificates.h"
#include "../store/store_award.h"
#include "../core/banned.h"

static void certificate_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack certificate pdf --db PATH --number N --out FILE\n"
            "       certtrack certificate transcript --db PATH --number N --out FILE\n"
            "       certtrack certificate credential --db PATH --number N --out FILE\n"
            "       certtrack certificate jwks --db PATH --out FILE\n"
            "       certtrack certificate status-list --db PATH --out FILE\n"
            "\n"
            "pdf         the certificate, one US Letter landscape page with a QR code of its\n"
            "            verification URL (PUBLIC-URL/verify/CODE)\n"
            "transcript  the transcript (US Letter): the activities the rules engine counted\n"
            "            toward it when it was issued, with their credits and total, and for a\n"
            "            program with a development plan the plan's goals and the library\n"
            "            goals they served\n"
            "credential  the Open Badges 3.0 credential, signed: a compact VC-JWT (RS256)\n"
            "jwks        the issuer's public keys (what /.well-known/jwks.json serves)\n"
            "status-list the revocation status list credential, signed (what\n"
            "            /status/revocation serves)\n"
            "\n"
            "The signing key is made on first need beside the database, in PATH%s, readable\n"
            "by its owner only. The public URL is a setting: certtrack config set public-url.\n",
            SIGNING_KEY_SUFFIX);
}

static void revoke_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack revoke --db PATH --number N --reason TEXT\n"
                 "\n"
                 "Revokes certificate N today, with the reason (recorded in the audit log,\n"
                 "shown on its verification page and published in the status list).\n");
}

/* Writes length bytes of data to path. */
static int write_file(const char *path, const char *data, size_t length)
{
    FILE *file = fopen(path, "wb");
    if (file == NULL) {
        cli_complain("%s: cannot write: %s", path, strerror(errno));
        return CLI_EXIT_FAILURE;
    }
    bool written = fwrite(data, 1, length, file) == length;
    if (fclose(file) != 0 || !written) {
        cli_complain("%s: cannot write", path);
        return CLI_EXIT_FAILURE;
    }
    printf("Wrote %s\n", path);
    return CLI_EXIT_OK;
}

/* Loads the database's signing key (making it on first need) into *key. */
static int load_key(const struct cli_args *args, json_t **key)
{
    char path[4096];
    struct ct_err err = {0};
    enum ct_status status = signing_key_path(args->db, path, sizeof path, &err);
    bool created = false;
    if (status == CT_OK) {
        status = signing_key_load_or_create(path, key, &created, &err);
    }
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (created) {
        fprintf(stderr, "certtrack: made a signing key in %s (keep it, and back it up)\n", path);
    }
    return -1;
}

/* Finds certificate args->number and gathers its documents; the caller releases
 * documents whatever the outcome. A revoked certificate is refused when refuse_revoked. */
static int load_documents(const struct cli_args *args, struct store *store, bool refuse_revoked,
                          struct certificate_documents *documents)
{
    memset(documents, 0, sizeof *documents);
    arena_init(&documents->arena);
    struct ct_err err = {0};
    struct certificate_record record;
    bool found = false;
    enum ct_status status = store_certificate_find(store, args->number, &record, &found, &err);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (!found) {
        cli_complain("certificate: no certificate has the number \"%s\"", args->number);
        return CLI_EXIT_BAD_INPUT;
    }
    if (refuse_revoked && civil_date_is_set(record.revoked)) {
        char revoked[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(record.revoked, revoked);
        cli_complain("certificate: %s was revoked on %s; its PDF and credential are no longer"
                     " issued (its transcript is)",
                     record.number, revoked);
        return CLI_EXIT_BAD_INPUT;
    }
    status = certificate_documents_load(store, &record, documents, &err);
    return status == CT_OK ? -1 : cli_report(&err);
}

static int write_pdf(const struct cli_args *args, struct store *store)
{
    struct certificate_documents documents;
    int exit_code = load_documents(args, store, true, &documents);
    if (exit_code < 0) {
        struct certificate_face face;
        certificate_documents_face(&documents, &face);
        struct ct_err err = {0};
        exit_code =
            certificate_pdf_write(&face, args->out, &err) == CT_OK ? CLI_EXIT_OK : cli_report(&err);
        if (exit_code == CLI_EXIT_OK) {
            printf("Wrote %s\n", args->out);
        }
    }
    certificate_documents_release(&documents);
    return exit_code;
}

static int write_transcript(const struct cli_args *args, struct store *store)
{
    struct certificate_documents documents;
    int exit_code = load_documents(args, store, false, &documents);
    if (exit_code < 0) {
        struct ct_err err = {0};
        struct transcript transcript;
        transcript_init(&transcript);
        enum ct_status status = store_transcript_load(store, &documents.record, &transcript, &err);
        if (status == CT_OK) {
            transcript.issuer = documents.issuer_name; /* the issuer-name setting */
            status = transcript_pdf_write(&transcript, args->out, &err);
        }
        transcript_release(&transcript);
        exit_code = status == CT_OK ? CLI_EXIT_OK : cli_report(&err);
        if (exit_code == CLI_EXIT_OK) {
            printf("Wrote %s\n", args->out);
        }
    }
    certificate_documents_release(&documents);
    return exit_code;
}

/* Writes text and a newline to args->out. */
static int write_text(const struct cli_args *args, const char *text)
{
    size_t length = strlen(text);
    char *line = malloc(length + 2);
    if (line == NULL) {
        cli_complain("out of memory");
        return CLI_EXIT_FAILURE;
    }
    memcpy(line, text, length);
    line[length] = '\n';
    int exit_code = write_file(args->out, line, length + 1);
    free(line);
    return exit_code;
}

static int write_credential(const struct cli_args *args, struct store *store, const json_t *key)
{
    struct certificate_documents documents;
    int exit_code = load_documents(args, store, true, &documents);
    if (exit_code < 0) {
        char *jwt = NULL;
        struct ct_err err = {0};
        exit_code = certificate_documents_credential(&documents, key, &jwt, &err) == CT_OK
                        ? write_text(args, jwt)
                        : cli_report(&err);
        free(jwt);
    }
    certificate_documents_release(&documents);
    return exit_code;
}

static int write_jwks(const struct cli_args *args, struct store *store, const json_t *key)
{
    json_t *key_set = NULL;
    struct ct_err err = {0};
    if (certificate_key_set(store, key, &key_set, &err) != CT_OK) {
        return cli_report(&err);
    }
    char *text = json_dumps(key_set, JSON_INDENT(2));
    json_decref(key_set);
    int exit_code = CLI_EXIT_FAILURE;
    if (text == NULL) {
        cli_complain("out of memory");
    } else {
        exit_code = write_text(args, text);
    }
    free(text);
    return exit_code;
}

static int write_status_list(const struct cli_args *args, struct store *store, const json_t *key)
{
    struct ct_err err = {0};
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    char *jwt = NULL;
    enum ct_status status = certificate_status_list(store, key, now, &jwt, &err);
    int exit_code = status == CT_OK ? write_text(args, jwt) : cli_report(&err);
    free(jwt);
    return exit_code;
}

static int run_document(const char *what, const struct cli_args *args, struct store *store)
{
    if (strcmp(what, "pdf") == 0) {
        return write_pdf(args, store);
    }
    if (strcmp(what, "transcript") == 0) {
        return write_transcript(args, store);
    }
    json_t *key = NULL;
    int exit_code = load_key(args, &key);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (strcmp(what, "credential") == 0) {
        exit_code = write_credential(args, store, key);
    } else if (strcmp(what, "jwks") == 0) {
        exit_code = write_jwks(args, store, key);
    } else {
        exit_code = write_status_list(args, store, key);
    }
    json_decref(key);
    return exit_code;
}

struct document_run {
    const char *what; /* pdf, transcript, credential, jwks or status-list */
    const struct cli_args *args;
};

static int document_run(struct store *store, void *context)
{
    const struct document_run *run = context;
    return run_document(run->what, run->args, store);
}

/* The documents of one certificate. */
static const struct cli_option number_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("number", number, CLI_TEXT, true),
    CLI_ARG("out", out, CLI_TEXT, true),
};

/* The issuer's documents. */
static const struct cli_option issuer_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),
    CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("out", out, CLI_TEXT, true),
};

/* certificate pdf|transcript|credential|jwks|status-list: argv[0] is the document. */
static int certificate_document(int argc, char **argv)
{
    static const struct cli_options number_options =
        CLI_OPTIONS(number_option_table, certificate_usage);
    static const struct cli_options issuer_options =
        CLI_OPTIONS(issuer_option_table, certificate_usage);
    bool issuers = strcmp(argv[0], "jwks") == 0 || strcmp(argv[0], "status-list") == 0;
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code =
        cli_parse(issuers ? &issuer_options : &number_options, argc, argv, &args, &first_operand);
    struct document_run run = {argv[0], &args};
    return exit_code >= 0 ? exit_code : cli_with_store(&args, document_run, &run);
}

int cli_certificate(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {
        {"pdf", certificate_document},         {"transcript", certificate_document},
        {"credential", certificate_document},  {"jwks", certificate_document},
        {"status-list", certificate_document},
    };
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), certificate_usage,
                        "expected pdf, transcript, credential, jwks or status-list");
}

static const struct cli_option revoke_option_table[] = {
    CLI_ARG("db", db, CLI_TEXT, true),         CLI_ARG("programs", programs, CLI_TEXT, false),
    CLI_ARG("as-of", as_of, CLI_DATE, false),  CLI_ARG("number", number, CLI_TEXT, true),
    CLI_ARG("reason", reason, CLI_TEXT, true),
};

int cli_revoke(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(revoke_option_table, revoke_usage);
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    struct civil_date day;
    if (exit_code < 0) {
        exit_code = cli_evaluation_day(&args, &day);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store);
    if (exit_code >= 0) {
        return exit_code;
    }
    struct ct_err err = {0};
    struct certificate_record record;
    bool found = false;
    enum ct_status status = store_certificate_find(&store, args.number, &record, &found, &err);
    if (status == CT_OK && !found) {
        status = ct_err_set(&err, CT_ERR_INPUT, "certificate",
                            "no certificate has the number \"%s\"", args.number);
    }
    struct actor system = actor_system((int64_t)time(NULL), day);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    if (status == CT_OK) {
        status = action_certificate_revoke(
            &store, &system, &(struct certificate_revoke_input){record.id, args.reason, true},
            &outcome);
        err = outcome.err;
    }
    if (status == CT_OK) {
        char day_text[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(day, day_text);
        printf("Certificate %s revoked on %s.\n", record.number, day_text);
        exit_code = CLI_EXIT_OK;
    } else {
        exit_code = cli_report(&err);
    }
    cli_store_close(&programs, &store);
    return exit_code;
}
