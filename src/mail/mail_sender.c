#include "mail_sender.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/file_read.h"
#include "../store/store_outbox.h"
#include "../store/store_settings.h"
#include "mail_message.h"
#include "../core/banned.h"

/* How long one claimed message may take before another sender may try it. */
#define MAIL_CLAIM_SECONDS 300

static enum ct_status read_password(struct mail_config *config, const char *path,
                                    struct ct_err *err)
{
    if (path[0] == '\0') {
        const char *variable = getenv("CERTTRACK_SMTP_PASSWORD");
        snprintf(config->password, sizeof config->password, "%s", variable != NULL ? variable : "");
        return CT_OK;
    }
    char *data = NULL;
    size_t length = 0;
    struct ct_err read_err = {0};
    if (file_read_all(path, MAIL_CONFIG_TEXT_SIZE - 1, &data, &length, &read_err) != CT_OK) {
        config->configured = false;
        snprintf(config->problem, sizeof config->problem,
                 "the relay's password file (mail-password-file) cannot be read: %s",
                 read_err.message);
        return CT_OK;
    }
    (void)err;
    snprintf(config->password, sizeof config->password, "%.*s", (int)strcspn(data, "\r\n"), data);
    sodium_memzero(data, length);
    free(data);
    return CT_OK;
}

enum ct_status mail_config_load(struct store *store, struct mail_config *config, struct ct_err *err)
{
    memset(config, 0, sizeof *config);
    char starttls[STORE_SETTING_SIZE], password_file[STORE_SETTING_SIZE];
    enum ct_status status = store_setting_get(store, "mail-relay", config->relay, err);
    if (status == CT_OK) {
        status = store_setting_get(store, "mail-starttls", starttls, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "mail-user", config->user, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "mail-from", config->from, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "mail-from-name", config->from_name, err);
    }
    if (status == CT_OK && config->from_name[0] == '\0') {
        status = store_setting_get(store, "issuer-name", config->from_name, err);
    }
    if (status == CT_OK) {
        status = store_setting_get(store, "mail-password-file", password_file, err);
    }
    if (status != CT_OK) {
        return status;
    }
    config->starttls_required = strcmp(starttls, "optional") != 0;
    config->configured = config->relay[0] != '\0' && config->from[0] != '\0';
    snprintf(config->problem, sizeof config->problem, "%s",
             config->relay[0] == '\0'  ? "no relay is configured (the mail-relay setting)"
             : config->from[0] == '\0' ? "no sender address is configured (the mail-from setting)"
                                       : "");
    return config->configured ? read_password(config, password_file, err) : CT_OK;
}

void mail_config_release(struct mail_config *config)
{
    sodium_memzero(config->password, sizeof config->password);
}

/* The message being uploaded to libcurl. */
struct upload {
    const char *data;
    size_t left;
};

static size_t read_upload(char *buffer, size_t size, size_t count, void *context)
{
    struct upload *upload = context;
    size_t room = size * count;
    size_t length = upload->left < room ? upload->left : room;
    memcpy(buffer, upload->data, length);
    upload->data += length;
    upload->left -= length;
    return length;
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_started = CURLE_FAILED_INIT;

static void curl_start(void)
{
    curl_started = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* The SMTP options for sending text to recipient (the envelope's "<address>"s). */
static CURLcode set_options(CURL *curl, const struct mail_config *config,
                            struct curl_slist *recipients, struct upload *upload, char *errors)
{
    char from[MAIL_CONFIG_TEXT_SIZE + 2];
    snprintf(from, sizeof from, "<%s>", config->from);
    CURLcode code = curl_easy_setopt(curl, CURLOPT_URL, config->relay);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    code =
        code != CURLE_OK
            ? code
            : curl_easy_setopt(curl, CURLOPT_USE_SSL,
                               (long)(config->starttls_required ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_READDATA, upload);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    if (code == CURLE_OK && config->user[0] != '\0') {
        code = curl_easy_setopt(curl, CURLOPT_USERNAME, config->user);
        code = code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_PASSWORD, config->password);
    }
    return code;
}

/* How an attempt to send a message ended. */
enum send_outcome {
    SEND_DONE,            /* the relay took the message */
    SEND_FAILED,          /* try again later: the relay is down, or answered 4xx */
    SEND_REFUSED,         /* refused for good (5xx) before the recipient was taken */
    SEND_REFUSED_ADDRESS, /* refused for good (5xx) at or after the recipient */
};

/* The SMTP reply code in curl's words ("RCPT failed: 550"), or 0. */
static long code_in_words(const char *words)
{
    const char *failed = strstr(words, "failed: ");
    long code = failed != NULL ? strtol(failed + 8, NULL, 10) : 0;
    return code >= 200 && code <= 599 ? code : 0;
}

/* What the end of a conversation means: a 5xx reply to MAIL FROM, RCPT TO or the data
 * is a refusal for good (RFC 5321 4.2.1); anything else (a 4xx, no connection, a
 * failed TLS or log-in) is tried again. */
static enum send_outcome outcome_of(CURLcode code, long reply, const char *words)
{
    if (code == CURLE_OK) {
        return SEND_DONE;
    }
    if (reply == 0) {
        reply = code_in_words(words);
    }
    bool refused = code != CURLE_LOGIN_DENIED && reply >= 500 && reply <= 599;
    if (!refused) {
        return SEND_FAILED;
    }
    return strncmp(words, "MAIL failed", 11) == 0 ? SEND_REFUSED : SEND_REFUSED_ADDRESS;
}

/* Sends text to recipient; on failure error (size bytes) says why. */
static enum send_outcome send_text(const struct mail_config *config, const char *recipient,
                                   const struct buf *text, char *error, size_t size)
{
    pthread_once(&curl_once, curl_start);
    CURL *curl = curl_started == CURLE_OK ? curl_easy_init() : NULL;
    char address[OUTBOX_RECIPIENT_SIZE + 2];
    snprintf(address, sizeof address, "<%s>", recipient);
    struct curl_slist *recipients = curl != NULL ? curl_slist_append(NULL, address) : NULL;
    if (recipients == NULL) {
        snprintf(error, size, "libcurl cannot start");
        curl_easy_cleanup(curl);
        return SEND_FAILED;
    }
    char errors[CURL_ERROR_SIZE] = "";
    struct upload upload = {text->data, text->length};
    CURLcode code = set_options(curl, config, recipients, &upload, errors);
    bool performed = code == CURLE_OK;
    if (performed) {
        code = curl_easy_perform(curl);
    }
    long reply = 0;
    if (code != CURLE_OK) {
        snprintf(error, size, "%s", errors[0] != '\0' ? errors : curl_easy_strerror(code));
        if (performed && curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply) != CURLE_OK) {
            reply = 0;
        }
    }
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    return performed ? outcome_of(code, reply, error) : SEND_FAILED;
}

/* Sends one claimed message and marks it. */
static enum ct_status send_one(struct store *store, const struct mail_config *config,
                               const struct outbox_message *message, int64_t now,
                               struct mail_send_result *result, struct ct_err *err)
{
    struct buf text;
    buf_init(&text, MAIL_MESSAGE_LIMIT);
    char error[512] = "";
    enum send_outcome sent = SEND_FAILED;
    if (mail_message_format(message, config->from, config->from_name, &text) != CT_OK) {
        snprintf(error, sizeof error, "the message is too large to send");
    } else {
        sent = send_text(config, message->recipient, &text, error, sizeof error);
    }
    buf_release(&text);
    if (sent == SEND_DONE) {
        result->sent++;
        return store_outbox_mark_sent(store, message->id, now, err);
    }
    if (sent != SEND_FAILED) {
        result->refused++;
        snprintf(result->last_error, sizeof result->last_error, "%s", error);
        return store_outbox_mark_refused(store, message->id, now, error,
                                         sent == SEND_REFUSED_ADDRESS, err);
    }
    result->failed++;
    snprintf(result->last_error, sizeof result->last_error, "%s", error);
    return store_outbox_mark_failed(store, message->id, now, error, err);
}

enum ct_status mail_send_due(struct store *store, const struct mail_config *config, int64_t now,
                             bool all_waiting, int64_t limit, struct mail_send_result *result,
                             struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    /* Every waiting message is due by the end of the format's years. */
    int64_t due_by = all_waiting ? INT64_C(253402300799) : now;
    struct store_rows rows = {.size = sizeof(struct outbox_message)};
    enum ct_status status = store_outbox_due(store, due_by, limit, &rows, err);
    for (size_t i = 0; i < rows.count && status == CT_OK; i++) {
        const struct outbox_message *message = (const struct outbox_message *)rows.items + i;
        bool claimed = false;
        status =
            store_outbox_claim(store, message->id, due_by, now + MAIL_CLAIM_SECONDS, &claimed, err);
        if (status == CT_OK && claimed) {
            status = send_one(store, config, message, now, result, err);
        }
    }
    store_rows_release(&rows);
    return status;
}
