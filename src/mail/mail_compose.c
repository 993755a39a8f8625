#include "mail_compose.h"

#include <stdio.h>
#include <string.h>

#include "../store/store_account_links.h"
#include "../store/store_notices.h"
#include "../store/store_settings.h"
#include "mail_templates.h"
#include "mail_unsubscribe.h"
#include "../core/banned.h"

/* Whether the mail is skipped for its person, and their address into result. */
static enum ct_status check_recipient(struct store *store, const struct mail_compose *mail,
                                      struct mail_compose_result *result, struct ct_err *err)
{
    struct account_state state;
    bool found = false;
    enum ct_status status = store_account_state(store, mail->person_id, &state, &found, err);
    if (status != CT_OK) {
        return status;
    }
    bool opted_out = false, refused = false;
    if (found && mail->unsubscribe) {
        status = store_notice_opted_out(store, mail->person_id, mail->kind, &opted_out, err);
    }
    if (status == CT_OK && found && state.email[0] != '\0') {
        status = store_outbox_address_marked(store, state.email, &refused, err);
    }
    const char *skipped = !found                   ? "no such person"
                          : state.deactivated      ? "deactivated"
                          : state.email[0] == '\0' ? "no e-mail address"
                          : opted_out              ? "turned off"
                          : refused                ? "the relay refused this address"
                                                   : "";
    snprintf(result->skipped, sizeof result->skipped, "%s", skipped);
    snprintf(result->recipient, sizeof result->recipient, "%s", found ? state.email : "");
    return status;
}

/* The common fields, on data. */
static enum ct_status common_fields(struct store *store, const struct mail_compose *mail,
                                    struct template_data *data, struct ct_err *err)
{
    char base[STORE_SETTING_SIZE], issuer[STORE_SETTING_SIZE], url[OUTBOX_URL_SIZE] = "";
    struct account_state state = {0};
    bool found = false;
    enum ct_status status = store_setting_get(store, "public-url", base, err);
    status = status == CT_OK ? store_setting_get(store, "issuer-name", issuer, err) : status;
    status =
        status == CT_OK ? store_account_state(store, mail->person_id, &state, &found, err) : status;
    if (status == CT_OK && mail->unsubscribe) {
        status = mail_unsubscribe_url(store, mail->person_id, mail->kind, url, sizeof url, err);
    }
    if (status != CT_OK) {
        return status;
    }
    status = template_data_set(data, "name", state.name);
    status = status == CT_OK ? template_data_set(data, "public_url", base) : status;
    status = status == CT_OK ? template_data_set(data, "issuer_name", issuer) : status;
    status = status == CT_OK
                 ? template_data_setf(data, "settings_url", "%s%s", base, MAIL_SETTINGS_PATH)
                 : status;
    status = status == CT_OK ? template_data_set(data, "unsubscribe_url", url) : status;
    return status == CT_OK ? CT_OK : ct_err_nomem(err);
}

enum ct_status mail_compose_render(struct store *store, const struct mail_compose *mail,
                                   struct template_data *data, struct buf *body,
                                   struct mail_compose_result *result, struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    size_t start = body->length;
    if (mail->unsubscribe && mail->kind == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "kind", "a reminder needs its kind");
    }
    enum ct_status status = check_recipient(store, mail, result, err);
    status = status == CT_OK ? common_fields(store, mail, data, err) : status;
    status = status == CT_OK ? mail_templates_render(store->templates, mail->template_name, data,
                                                     result->subject, body, err)
                             : status;
    /* The text ends with its last line: one blank line, then the footer. */
    while (status == CT_OK && body->length > start && body->data[body->length - 1] == '\n') {
        body->data[--body->length] = '\0';
    }
    if (mail->without_footer) {
        return status;
    }
    char ignored[OUTBOX_SUBJECT_SIZE];
    status = status == CT_OK ? buf_append_str(body, "\n\n") : status;
    return status == CT_OK
               ? mail_templates_render(store->templates, "footer", data, ignored, body, err)
               : status;
}

enum ct_status mail_compose_queue(struct store *store, int64_t now, const struct mail_compose *mail,
                                  struct template_data *data, struct mail_compose_result *result,
                                  struct ct_err *err)
{
    struct buf body;
    buf_init(&body, OUTBOX_BODY_SIZE - 1);
    enum ct_status status = mail_compose_render(store, mail, data, &body, result, err);
    char url[OUTBOX_URL_SIZE] = "";
    if (status == CT_OK && result->skipped[0] == '\0' && mail->unsubscribe) {
        status = mail_unsubscribe_url(store, mail->person_id, mail->kind, url, sizeof url, err);
    }
    if (status == CT_OK && result->skipped[0] == '\0') {
        struct outbox_message_new message = {
            .recipient = result->recipient,
            .person_id = mail->person_id,
            .subject = result->subject,
            .body = buf_str(&body),
            .kind = mail->kind,
            .unsubscribe_url = mail->unsubscribe ? url : NULL,
        };
        status =
            store_outbox_queue(store, &message, now, result->message_id, &result->outbox_id, err);
        result->queued = status == CT_OK;
    }
    buf_release(&body);
    return status;
}
