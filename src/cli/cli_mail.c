#include "cli_mail.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../mail/mail_notices.h"
#include "../mail/mail_sender.h"
#include "../store/store_outbox.h"
#include "cli.h"
#include "cli_args.h"
#include "../core/banned.h"

/* The most messages listed or sent by one command. */
#define MAIL_CLI_LIMIT 1000

static void mail_usage(FILE *out)
{
    fprintf(out,
            "Usage: certtrack mail list --db PATH [--all]\n"
            "       certtrack mail send --db PATH\n"
            "\n"
            "list shows the mail waiting in the outbox (with --all, the sent and refused mail\n"
            "too): when it was queued, to whom, its subject, its attempts and the last error;\n"
            "then the addresses the relay refused, and those marked (no mail goes to them).\n"
            "send gathers the notices that are due into messages, then sends every waiting\n"
            "message now through the relay the settings name (mail-relay, mail-starttls,\n"
            "mail-user, mail-from, mail-password-file; the password may instead be in\n"
            "CERTTRACK_SMTP_PASSWORD). Exit status 0 when every message went, 1 when any\n"
            "failed (it is kept and tried again), was refused by the relay (it is not tried\n"
            "again) or when no relay is configured. The server gathers and sends by itself.\n");
}

struct mail_args {
    struct cli_args common;
    bool all;
};

static const struct cli_option mail_option_table[] = {
    {"db", CLI_TEXT, offsetof(struct mail_args, common.db), true, NULL},
    {"programs", CLI_TEXT, offsetof(struct mail_args, common.programs), false, NULL},
    {"all", CLI_FLAG, offsetof(struct mail_args, all), false, NULL},
};

static void print_message(const struct outbox_message *message)
{
    char queued[OUTBOX_TIME_SIZE], when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(message->created_at, queued);
    store_outbox_time_text(message->sent_at != 0 ? message->sent_at : message->next_attempt_at,
                           when);
    if (message->refused_at != 0) {
        store_outbox_time_text(message->refused_at, when);
    }
    const char *state = message->sent_at != 0      ? "sent"
                        : message->refused_at != 0 ? "refused"
                                                   : "waiting";
    printf("%lld\t%s\t%s\t%s\t%s %s\tattempts %lld\t%s\t%s\n", (long long)message->id, queued,
           state, message->recipient,
           message->sent_at != 0      ? "sent"
           : message->refused_at != 0 ? "refused"
                                      : "next",
           when, (long long)message->attempts,
           message->last_error[0] != '\0' ? message->last_error : "-", message->subject);
}

/* The addresses the relay refused: "refused ADDRESS N times ..." per line. */
static enum ct_status print_refusals(struct store *store, struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct outbox_refusal)};
    enum ct_status status = store_outbox_refusals(store, MAIL_CLI_LIMIT, &rows, err);
    for (size_t i = 0; i < rows.count && status == CT_OK; i++) {
        const struct outbox_refusal *refusal = (const struct outbox_refusal *)rows.items + i;
        char when[OUTBOX_TIME_SIZE];
        store_outbox_time_text(refusal->last_refused_at, when);
        printf("%s address\t%s\trefused %lld times, last %s\t%s\n",
               refusal->marked_at != 0 ? "marked" : "refused", refusal->address,
               (long long)refusal->refusals, when, refusal->last_refusal);
    }
    store_rows_release(&rows);
    return status;
}

static int list_run(struct store *store, void *context)
{
    const struct mail_args *args = context;
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    struct ct_err err = {0};
    if (store_outbox_list(store, MAIL_CLI_LIMIT, &rows, &err) != CT_OK) {
        return cli_report(&err);
    }
    size_t shown = 0;
    for (size_t i = 0; i < rows.count; i++) {
        const struct outbox_message *message = (const struct outbox_message *)rows.items + i;
        if (args->all || (message->sent_at == 0 && message->refused_at == 0)) {
            print_message(message);
            shown++;
        }
    }
    if (shown == 0) {
        printf("%s\n", args->all ? "The outbox is empty." : "No mail is waiting.");
    }
    store_rows_release(&rows);
    return print_refusals(store, &err) == CT_OK ? CLI_EXIT_OK : cli_report(&err);
}

/* Says what one send did; the exit status. */
static int send_report(const struct mail_gather_result *gathered,
                       const struct mail_send_result *result)
{
    if (gathered->messages > 0) {
        printf("%lld notices gathered into %lld messages\n", (long long)gathered->notices,
               (long long)gathered->messages);
    }
    printf("%lld sent, %lld failed", (long long)result->sent, (long long)result->failed);
    if (result->refused > 0) {
        printf(", %lld refused by the relay", (long long)result->refused);
    }
    printf("\n");
    if (result->failed > 0) {
        cli_complain("mail send: %s (the failed messages wait and are tried again)",
                     result->last_error);
    } else if (result->refused > 0) {
        cli_complain("mail send: %s (a refused message is not tried again)", result->last_error);
    }
    return result->failed > 0 || result->refused > 0 ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
}

/* Gathers the due notices, then sends everything waiting: "now" is far enough ahead that
 * every message is due. */
static int send_run(struct store *store, void *context)
{
    (void)context;
    struct mail_config config;
    struct ct_err err = {0};
    int64_t now = (int64_t)time(NULL);
    struct mail_gather_result gathered = {0};
    if (mail_notices_gather(store, now, &gathered, &err) != CT_OK ||
        mail_config_load(store, &config, &err) != CT_OK) {
        return cli_report(&err);
    }
    struct outbox_summary summary;
    enum ct_status status = store_outbox_summary(store, &summary, &err);
    if (status == CT_OK && !config.configured) {
        mail_config_release(&config);
        cli_complain("mail send: %s; %lld messages wait", config.problem,
                     (long long)summary.waiting);
        return CLI_EXIT_FAILURE;
    }
    struct mail_send_result result = {0};
    if (status == CT_OK) {
        status = mail_send_due(store, &config, now, true, MAIL_CLI_LIMIT, &result, &err);
    }
    mail_config_release(&config);
    return status == CT_OK ? send_report(&gathered, &result) : cli_report(&err);
}

static int mail_verb(int argc, char **argv)
{
    static const struct cli_options options = CLI_OPTIONS(mail_option_table, mail_usage);
    struct mail_args args = {.all = false};
    cli_args_init(&args.common);
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    if (first_operand < argc) {
        cli_complain("mail %s: unexpected argument '%s'", argv[0], argv[first_operand]);
        return CLI_EXIT_BAD_INPUT;
    }
    bool send = strcmp(argv[0], "send") == 0;
    return cli_with_store(&args.common, send ? send_run : list_run, &args);
}

int cli_mail(int argc, char **argv)
{
    static const struct cli_verb verbs[] = {{"list", mail_verb}, {"send", mail_verb}};
    return cli_run_verb(argc, argv, CLI_TABLE(verbs), mail_usage, "expected 'list' or 'send'");
}
