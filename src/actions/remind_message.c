#include "remind_message.h"

#include <stdarg.h>
#include <string.h>

#include "../core/credit.h"
#include "../mail/mail_compose.h"
#include "../core/banned.h"

const char *remind_date_text(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE])
{
    civil_date_format(date, out);
    return out;
}

const char *remind_credit_text(int64_t halves, char *out)
{
    credit_format(halves, out);
    return out;
}

enum ct_status remind_fields_set(struct template_data *data, ...)
{
    va_list args;
    va_start(args, data);
    enum ct_status status = CT_OK;
    for (const char *name = va_arg(args, const char *); name != NULL && status == CT_OK;
         name = va_arg(args, const char *)) {
        const char *value = va_arg(args, const char *);
        status = template_data_set(data, name, value);
    }
    va_end(args);
    return status;
}

/* Counts the message as decided and reports it. */
static void tally(const struct remind_sending *sending, const struct remind_message *message,
                  const struct mail_compose_result *result, bool queued)
{
    bool skipped = result->skipped[0] != '\0';
    if (skipped) {
        sending->summary->skipped++;
    } else {
        sending->summary->messages++;
        sending->summary->reminders += (int64_t)message->count;
    }
    if (sending->report != NULL) {
        struct remind_line line = {message->person_id, result->recipient, message->kind,
                                   result->subject,    message->count,    queued,
                                   result->skipped};
        sending->report(sending->context, &line);
    }
}

/* Records every reminder of message as queued in outbox_id; *fresh is false as soon as
 * one was recorded already. */
static enum ct_status record_all(const struct remind_sending *sending,
                                 const struct remind_message *message, int64_t outbox_id,
                                 bool *fresh, struct ct_err *err)
{
    *fresh = true;
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < message->count && status == CT_OK && *fresh; i++) {
        char key[REMINDER_KEY_SIZE];
        message->key_of(message->keys, i, key);
        status = reminder_log_record(sending->log, message->person_id, message->kind, key,
                                     sending->day, sending->now, outbox_id, fresh, err);
    }
    return status;
}

static enum ct_status render_only(const struct remind_sending *sending,
                                  const struct remind_message *message,
                                  const struct mail_compose *mail, struct ct_err *err)
{
    struct mail_compose_result result;
    struct buf body;
    buf_init(&body, OUTBOX_BODY_SIZE - 1);
    enum ct_status status =
        mail_compose_render(sending->store, mail, message->data, &body, &result, err);
    buf_release(&body);
    if (status == CT_OK) {
        tally(sending, message, &result, false);
    }
    return status;
}

enum ct_status remind_message_send(const struct remind_sending *sending,
                                   const struct remind_message *message, struct ct_err *err)
{
    struct mail_compose mail = {message->template_name, message->person_id, message->kind,
                                message->unsubscribe, false};
    if (sending->dry_run) {
        return render_only(sending, message, &mail, err);
    }
    struct mail_compose_result result;
    enum ct_status status = db_begin(sending->store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = mail_compose_queue(sending->store, sending->now, &mail, message->data, &result, err);
    bool fresh = true;
    if (status == CT_OK && result.queued) {
        status = record_all(sending, message, result.outbox_id, &fresh, err);
    }
    if (status != CT_OK || !result.queued || !fresh) {
        db_rollback(sending->store->db);
        if (status == CT_OK && !fresh) {
            sending->summary->raced++;
        } else if (status == CT_OK) {
            tally(sending, message, &result, false);
        }
        return status;
    }
    status = store_finish(sending->store, CT_OK, err);
    if (status == CT_OK) {
        tally(sending, message, &result, true);
    }
    return status;
}
