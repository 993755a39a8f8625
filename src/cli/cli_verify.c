#include "cli_verify.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../certificates/credential_check.h"
#include "../certificates/jws_compact.h"
#include "../io/file_read.h"
#include "../core/banned.h"

/* The exit code of a credential that was checked and is not valid. */
#define VERIFY_EXIT_NOT_VALID 3

static void verify_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack verify FILE --jwks FILE [--status-list FILE] [--as-of DATE]\n"
                 "\n"
                 "Checks a credential (a compact VC-JWT, as 'certtrack certificate credential'\n"
                 "writes it) offline against the issuer's public keys (the JWK Set served at\n"
                 "/.well-known/jwks.json) and says valid, expired, tampered or, given the status\n"
                 "list credential (served at /status/revocation), revoked. As Open Badges 3.0\n"
                 "asks, the JWT claims iss, jti, sub, nbf and exp must be the credential's\n"
                 "issuer.id, id, credentialSubject.id, validFrom and validUntil. --as-of checks\n"
                 "the dates on another day than today.\n"
                 "\n"
                 "Exit status: 0 valid; 3 expired, not yet valid, revoked or tampered; 2 not a\n"
                 "credential, or a key set or status list that cannot be read; 1 could not run.\n");
}

/* Reads path (at most JWS_COMPACT_LIMIT bytes) into *text (caller frees). */
static int read_text(const char *path, char **text)
{
    size_t length = 0;
    struct ct_err err = {0};
    if (file_read_all(path, JWS_COMPACT_LIMIT, text, &length, &err) != CT_OK) {
        return cli_report(&err);
    }
    if (strlen(*text) != length) {
        free(*text);
        *text = NULL;
        cli_complain("%s: the file holds a NUL byte: not a credential", path);
        return CLI_EXIT_BAD_INPUT;
    }
    return -1;
}

static int read_key_set(const char *path, json_t **key_set)
{
    char *text = NULL;
    int exit_code = read_text(path, &text);
    if (exit_code >= 0) {
        return exit_code;
    }
    json_error_t parse_error;
    *key_set = json_loads(text, JSON_REJECT_DUPLICATES, &parse_error);
    free(text);
    if (*key_set == NULL || !json_is_array(json_object_get(*key_set, "keys"))) {
        cli_complain("%s: not a JWK Set (a JSON object with \"keys\")%s%s", path,
                     *key_set == NULL ? ": " : "", *key_set == NULL ? parse_error.text : "");
        json_decref(*key_set);
        *key_set = NULL;
        return CLI_EXIT_BAD_INPUT;
    }
    return -1;
}

static int report_result(const char *path, const struct credential_check_result *result)
{
    const char *word = credential_verdict_word(result->verdict);
    if (result->verdict == CREDENTIAL_MALFORMED) {
        cli_complain("%s: not a credential: %s", path, result->reason);
        return CLI_EXIT_BAD_INPUT;
    }
    printf("%s: %s\n", path, word);
    if (result->reason[0] != '\0') {
        printf("  why:         %s\n", result->reason);
    }
    if (result->name[0] != '\0') {
        printf("  credential:  %s\n", result->name);
    }
    if (result->holder[0] != '\0') {
        printf("  holder:      %s\n", result->holder);
    }
    if (result->valid_from[0] != '\0') {
        printf("  valid from:  %s\n  valid until: %s\n", result->valid_from, result->valid_until);
    }
    return result->verdict == CREDENTIAL_VALID ? CLI_EXIT_OK : VERIFY_EXIT_NOT_VALID;
}

static int check(const struct cli_args *args, const char *path, const json_t *key_set)
{
    char *jwt = NULL;
    int exit_code = read_text(path, &jwt);
    if (exit_code >= 0) {
        return exit_code;
    }
    char *status_list = NULL;
    if (args->status_list != NULL) {
        exit_code = read_text(args->status_list, &status_list);
    }
    struct civil_date day;
    if (exit_code < 0) {
        exit_code = cli_evaluation_day(args, &day);
    }
    if (exit_code < 0) {
        struct credential_check_result result;
        struct ct_err err = {0};
        if (credential_check(jwt, key_set, status_list, day, &result, &err) != CT_OK) {
            ct_err_prefix_where(&err, args->status_list != NULL ? args->status_list : path);
            exit_code = cli_report(&err);
        } else {
            exit_code = report_result(path, &result);
        }
    }
    free(status_list);
    free(jwt);
    return exit_code;
}

static const struct cli_option verify_option_table[] = {
    CLI_ARG("as-of", as_of, CLI_DATE, false),
    CLI_ARG("jwks", jwks, CLI_TEXT, true),
    CLI_ARG("status-list", status_list, CLI_TEXT, false),
};

int cli_verify(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(verify_option_table, verify_usage);
    struct cli_args args;
    cli_args_init(&args);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (first_operand != argc - 1) {
        cli_complain("verify: give one credential file");
        verify_usage(stderr);
        return CLI_EXIT_BAD_INPUT;
    }
    json_t *key_set = NULL;
    exit_code = read_key_set(args.jwks, &key_set);
    if (exit_code >= 0) {
        return exit_code;
    }
    exit_code = check(&args, argv[first_operand], key_set);
    json_decref(key_set);
    return exit_code;
}
