#include "cli_serve.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../certificates/signing_key.h"
#include "cli_args.h"
#include "../mail/mail_templates.h"
#include "../actions/remind_scheduler.h"
#include "../mail/mail_worker.h"
#include "../web/server.h"
#include "../store/store_open.h"
#include "../core/banned.h"

/* Set by the signal handler: the one piece of process-wide state a handler may touch. */
static volatile sig_atomic_t stop_requested;

static void request_stop(int signal_number)
{
    (void)signal_number;
    stop_requested = 1;
}

static void serve_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack serve --db PATH [--listen ADDRESS:PORT] [--programs DIR]\n"
                 "\n"
                 "Serves the web application and the JSON API (default 127.0.0.1:8080) until\n"
                 "interrupted. CERTTRACK_SECURE_COOKIES=1 marks cookies Secure (behind HTTPS).\n"
                 "CERTTRACK_TRUST_PROXY=1 takes the client's address from the last entry of\n"
                 "X-Forwarded-For (only behind a proxy that sets it).\n"
                 "CERTTRACK_PROXY_ADDRESSES=ADDRESS[,ADDRESS...] names the proxy's own\n"
                 "addresses (with CERTTRACK_TRUST_PROXY=1): only their X-Forwarded-For is\n"
                 "believed, and they are exempt from the per-address connection caps.\n"
                 "A background thread sends the mail waiting in the outbox every 30 seconds\n"
                 "(CERTTRACK_MAIL_INTERVAL=SECONDS) when a relay is configured (mail-relay).\n"
                 "See docs/operations.md for the connection limits and the request deadline.\n");
}

/* Splits "ADDRESS:PORT" into config. */
static int parse_listen(const char *listen, char *address, size_t size, struct web_config *config)
{
    const char *colon = strrchr(listen, ':');
    char *end = NULL;
    long port = colon != NULL ? strtol(colon + 1, &end, 10) : -1;
    if (colon == NULL || colon == listen || *end != '\0' || port < 1 || port > 65535 ||
        (size_t)(colon - listen) >= size) {
        cli_complain("--listen: expected ADDRESS:PORT, found '%s'", listen);
        return CLI_EXIT_BAD_INPUT;
    }
    memcpy(address, listen, (size_t)(colon - listen));
    address[colon - listen] = '\0';
    config->address = address;
    config->port = (uint16_t)port;
    return -1;
}

/* Loads the database's signing key (made on first need) into *key. */
static int load_signing_key(const char *db_path, json_t **key)
{
    char path[4096];
    struct ct_err err = {0};
    bool created = false;
    enum ct_status status = signing_key_path(db_path, path, sizeof path, &err);
    if (status == CT_OK) {
        status = signing_key_load_or_create(path, key, &created, &err);
    }
    if (status != CT_OK) {
        return cli_report(&err);
    }
    if (created) {
        printf("Made a signing key for credentials in %s (keep it, and back it up)\n", path);
    }
    return -1;
}

struct serve_args {
    struct cli_args common; /* --db, --programs */
    const char *listen;     /* ADDRESS:PORT */
};

static const struct cli_option serve_option_table[] = {
    {"db", CLI_TEXT, offsetof(struct serve_args, common.db), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct serve_args, common.programs), false, NULL},
    {"listen", CLI_TEXT, offsetof(struct serve_args, listen), false, NULL},
};

int cli_serve(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(serve_option_table, serve_usage);
    struct serve_args serve = {.listen = "127.0.0.1:8080"};
    cli_args_init(&serve.common);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &serve, &first_operand);
    const struct cli_args args = serve.common;
    char address[64];
    struct web_config config = {.db_path = args.db, .threads = 4};
    if (exit_code < 0) {
        exit_code = parse_listen(serve.listen, address, sizeof address, &config);
    }
    if (exit_code >= 0) {
        return exit_code;
    }
    const char *secure = getenv("CERTTRACK_SECURE_COOKIES");
    config.secure_cookies = secure != NULL && strcmp(secure, "1") == 0;
    const char *trust_proxy = getenv("CERTTRACK_TRUST_PROXY");
    config.trust_proxy = trust_proxy != NULL && strcmp(trust_proxy, "1") == 0;
    config.proxy_addresses = getenv("CERTTRACK_PROXY_ADDRESSES");
    const char *idle = getenv("CERTTRACK_SESSION_IDLE_SECONDS");
    if (idle != NULL && idle[0] != '\0' &&
        !server_idle_seconds_parse(idle, &config.session_idle_seconds)) {
        cli_complain("CERTTRACK_SESSION_IDLE_SECONDS must be a whole number of seconds from 10"
                     " to 43200");
        return CLI_EXIT_BAD_INPUT;
    }
    if (config.proxy_addresses != NULL && config.proxy_addresses[0] != '\0' &&
        !config.trust_proxy) {
        cli_complain("CERTTRACK_PROXY_ADDRESSES is set but CERTTRACK_TRUST_PROXY is not 1");
        return CLI_EXIT_BAD_INPUT;
    }
    struct program_set programs;
    struct store store;
    exit_code = cli_store_open(&args, false, &programs, &store); /* migrates, checks */
    if (exit_code >= 0) {
        return exit_code;
    }
    /* The server keeps the programs and the templates; its threads open their own stores. */
    struct mail_templates *templates = (struct mail_templates *)store.templates;
    store_close(&store);
    config.programs = &programs;
    config.templates = templates;
    json_t *signing_key = NULL;
    exit_code = load_signing_key(args.db, &signing_key);
    if (exit_code >= 0) {
        mail_templates_free(templates);
        program_set_release(&programs);
        return exit_code;
    }
    config.signing_key = signing_key;
    signal(SIGINT, request_stop);
    signal(SIGTERM, request_stop);
    signal(SIGPIPE, SIG_IGN);
    printf("certtrack serving %s on http://%s:%u/\n", args.db, config.address,
           (unsigned)config.port);
    fflush(stdout);
    struct ct_err err = {0};
    struct mail_worker mail;
    struct remind_scheduler reminders;
    enum ct_status status = mail_worker_start(&mail, args.db, &programs, templates, 0, &err);
    if (status == CT_OK) {
        status = remind_scheduler_start(&reminders, args.db, &programs, templates, 0, &err);
        if (status == CT_OK) {
            status = server_run(&config, &stop_requested, &err);
            remind_scheduler_stop(&reminders);
        }
        mail_worker_stop(&mail);
    }
    json_decref(signing_key);
    mail_templates_free(templates);
    program_set_release(&programs);
    return status == CT_OK ? CLI_EXIT_OK : cli_report(&err);
}
